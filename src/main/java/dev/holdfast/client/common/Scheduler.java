package dev.holdfast.client.common;

import java.time.Duration;

/**
 * Where the client core runs its work: one thread in production ({@link ExecutorScheduler}), the
 * test's own thread with a hand-moved clock in tests. Everything that owns core state is touched
 * only from tasks of one scheduler, so that state needs no locks.
 */
public interface Scheduler {

    /** Runs {@code task} once after {@code delay} (zero or negative: as soon as possible). */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} as soon as possible, after the tasks already due. */
    default void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }
}
