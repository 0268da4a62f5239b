package dev.holdfast.platform.sim;

import java.time.Duration;

/**
 * Runs tasks later and tells the time. The simulator's only source of time, so that tests can
 * drive it with a manual clock instead of sleeping.
 */
public interface Scheduler {

    /** Runs {@code task} once after {@code delay} (zero or negative: as soon as possible). */
    Cancellable schedule(Duration delay, Runnable task);

    /** Monotonic milliseconds; only differences are meaningful. */
    long nowMillis();
}
