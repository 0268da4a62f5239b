package dev.holdfast.platform.sim;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/** A {@link Scheduler} on a manual clock: tasks run only when a test advances time. */
final class ManualScheduler implements Scheduler {
    private static final class Task {
        final long due;
        final long order;
        final Runnable body;
        boolean cancelled;

        Task(long due, long order, Runnable body) {
            this.due = due;
            this.order = order;
            this.body = body;
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparingLong((Task t) -> t.due).thenComparingLong(t -> t.order));
    private long now;
    private long order;

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(now + Math.max(0, delay.toMillis()), order++, task);
        queue.add(scheduled);
        return () -> {
            synchronized (this) {
                scheduled.cancelled = true;
                queue.remove(scheduled);
            }
        };
    }

    @Override
    public synchronized long nowMillis() {
        return now;
    }

    /** Runs, in time order, every task due within {@code step}; the clock ends {@code step} later. */
    void advance(Duration step) {
        long target;
        synchronized (this) {
            target = now + step.toMillis();
        }
        while (true) {
            Task next = nextDue(target);
            if (next == null) {
                break;
            }
            next.body.run();
        }
        synchronized (this) {
            now = Math.max(now, target);
        }
    }

    /** Runs the tasks due now, including those they schedule for now. */
    void runDue() {
        advance(Duration.ZERO);
    }

    /**
     * Runs tasks one at a time until {@code condition} holds, at most {@code limit} of clock time.
     * Returns whether it held.
     */
    boolean advanceUntil(BooleanSupplier condition, Duration limit) {
        long target;
        synchronized (this) {
            target = now + limit.toMillis();
        }
        while (!condition.getAsBoolean()) {
            Task next = nextDue(target);
            if (next == null) {
                synchronized (this) {
                    now = Math.max(now, target);
                }
                return condition.getAsBoolean();
            }
            next.body.run();
        }
        return true;
    }

    synchronized int pending() {
        return queue.size();
    }

    private synchronized Task nextDue(long target) {
        Task head = queue.peek();
        if (head == null || head.due > target) {
            return null;
        }
        queue.poll();
        now = Math.max(now, head.due);
        return head;
    }
}
