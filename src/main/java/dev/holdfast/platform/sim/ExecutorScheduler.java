package dev.holdfast.platform.sim;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Scheduler} over a {@link ScheduledThreadPoolExecutor} and {@link System#nanoTime()}. */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ScheduledThreadPoolExecutor executor;

    public ExecutorScheduler(ScheduledThreadPoolExecutor executor) {
        this.executor = executor;
        executor.setRemoveOnCancelPolicy(true);
    }

    /** One daemon thread named {@code name-1}: enough for thousands of simulated customers. */
    public static ExecutorScheduler singleThreaded(String name) {
        AtomicInteger count = new AtomicInteger();
        return new ExecutorScheduler(new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> future = executor.schedule(() -> runLogged(task),
                    Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            // Shut down: nothing runs any more, which is what the caller is about to learn anyway.
            return Cancellable.NONE;
        }
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            LOG.error("simulator task failed", e);
        }
    }

    @Override
    public long nowMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
    }

    /** Drops pending tasks and interrupts a running one. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
