package dev.holdfast.ui.supervisor;

import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.common.Scheduler;
import java.time.Duration;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * The time left to undo a bulk close, counted down once a second. The deadline is on the
 * platform's clock; {@code offsetMillis} (the platform's clock minus the desk's, measured when an
 * answer came) turns the desk's clock into the platform's, so a desk whose clock is off still
 * shows the five minutes the platform will honour.
 *
 * <p>Threading: the thread of {@code timers} (the FX thread in the panel).
 */
final class UndoCountdown {
    private final long deadline;
    private final long offsetMillis;
    private final LongSupplier deskClock;
    private final Scheduler timers;
    private final ReadOnlyLongWrapper remaining = new ReadOnlyLongWrapper();
    private Cancellable tick = Cancellable.NONE;

    UndoCountdown(long deadlineOnPlatform, long offsetMillis, LongSupplier deskClock, Scheduler timers) {
        this.deadline = deadlineOnPlatform;
        this.offsetMillis = offsetMillis;
        this.deskClock = deskClock;
        this.timers = timers;
        update();
    }

    private void update() {
        long left = Math.max(0, deadline - (deskClock.getAsLong() + offsetMillis));
        remaining.set(left);
        if (left > 0) {
            // Wake when the shown second changes, not a drifting "every 1000 ms".
            long untilNextSecond = left % 1000 == 0 ? 1000 : left % 1000;
            tick = timers.schedule(Duration.ofMillis(untilNextSecond), this::update);
        }
    }

    /** Milliseconds left; 0 once over. */
    ReadOnlyLongProperty remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    /** "4:59": minutes and seconds left, rounded up, so "0:01" is the last second shown. */
    String words() {
        long seconds = (remaining.get() + 999) / 1000;
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    void stop() {
        tick.cancel();
    }
}
