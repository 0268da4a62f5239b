package dev.holdfast.client.common;

import dev.holdfast.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} for tests: tasks run on the test's thread, only when the test moves time
 * with {@link #advance} or {@link #runDue}. Time is a {@link MutableClock} that the code under
 * test reads too, so timers and timestamps agree exactly and nothing sleeps.
 */
public final class ManualScheduler implements Scheduler {
    private static final class Task {
        final long due;
        final long order;
        final Runnable body;

        Task(long due, long order, Runnable body) {
            this.due = due;
            this.order = order;
            this.body = body;
        }
    }

    private final MutableClock clock;
    // Due time first; among tasks due at the same time, the order they were scheduled in.
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparingLong((Task t) -> t.due).thenComparingLong(t -> t.order));
    private long order;

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    public MutableClock clock() {
        return clock;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(clock.millis() + Math.max(0, delay.toMillis()), order++, task);
        queue.add(scheduled);
        return () -> {
            synchronized (this) {
                queue.remove(scheduled);
            }
        };
    }

    /**
     * Moves the clock forward by {@code step}, running every task that falls due on the way, in
     * time order, with the clock set to each task's due time while it runs. Tasks scheduled by
     * those tasks run too if they fall due within the step.
     */
    public void advance(Duration step) {
        long target = clock.millis() + step.toMillis();
        Task next;
        while ((next = nextDue(target)) != null) {
            next.body.run();
        }
        if (clock.millis() < target) {
            clock.set(Instant.ofEpochMilli(target));
        }
    }

    /** Runs the tasks due now, including those they schedule for now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** How many tasks wait. */
    public synchronized int pending() {
        return queue.size();
    }

    /** When the earliest waiting task falls due, in clock millis; -1 if none waits. */
    public synchronized long nextDueAt() {
        Task head = queue.peek();
        return head == null ? -1 : head.due;
    }

    private synchronized Task nextDue(long target) {
        Task head = queue.peek();
        if (head == null || head.due > target) {
            return null;
        }
        queue.poll();
        if (head.due > clock.millis()) {
            clock.set(Instant.ofEpochMilli(head.due));
        }
        return head;
    }
}
