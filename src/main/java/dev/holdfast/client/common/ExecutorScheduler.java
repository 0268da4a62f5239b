package dev.holdfast.client.common;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client core's thread: a single daemon thread named {@value #THREAD_NAME}. That one thread
 * owns all client-core state; anything that arrives on another thread (socket callbacks, HTTP
 * answers, the UI) hops onto it with {@link #execute}. Being single-threaded is the point: tasks
 * run one at a time, in the order they became due, so core state needs no locks.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    public static final String THREAD_NAME = "holdfast-core";
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ScheduledThreadPoolExecutor executor;
    /** The one thread, once the executor made it; written by that factory call, read by anyone. */
    private volatile Thread thread;

    public ExecutorScheduler() {
        executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, THREAD_NAME);
            this.thread = thread;
            // A forgotten close must not keep the JVM alive after the window is gone.
            thread.setDaemon(true);
            return thread;
        });
        // Cancelled timers (a ping per connection, a deadline per handshake) would otherwise pile up.
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> future = executor.schedule(() -> runLogged(task),
                    Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            // Closed: nothing runs any more, which is what the caller is about to learn anyway.
            return Cancellable.NONE;
        }
    }

    /** Whether the caller is on the core thread; for assertions in code that must run there. */
    public boolean isCoreThread() {
        return Thread.currentThread() == thread;
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            // A ScheduledFuture would swallow this silently; one failed task must not hide.
            LOG.error("client core task failed", e);
        }
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
