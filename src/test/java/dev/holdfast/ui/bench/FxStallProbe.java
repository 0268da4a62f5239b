package dev.holdfast.ui.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javafx.application.Platform;

/**
 * Measures how long the FX thread is kept from running anything: every millisecond (when no probe
 * is waiting) it posts a {@code runLater} and records how late it ran. With at most one probe in
 * flight, a probe posted as a long pulse or batch starts reports about the whole of that stall, so
 * the maximum is the longest time the FX thread was unavailable, within a millisecond.
 */
final class FxStallProbe implements AutoCloseable {
    private final AtomicBoolean waiting = new AtomicBoolean();
    private final Thread thread;
    private volatile Samples samples = new Samples();
    /** Stalls over 16 ms of the current phase: {posted, ran} in epoch milliseconds. */
    private volatile List<long[]> longStalls = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    FxStallProbe() {
        thread = new Thread(this::loop, "fx-stall-probe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a new measurement phase and returns the samples of the one that ends. */
    Samples restart() {
        Samples done = samples;
        samples = new Samples();
        lastLongStalls = longStalls;
        longStalls = new CopyOnWriteArrayList<>();
        return done;
    }

    /** The stalls over 16 ms of the phase the last {@link #restart()} ended. */
    List<long[]> longStallsOfLastPhase() {
        return lastLongStalls;
    }

    private volatile List<long[]> lastLongStalls = List.of();

    private void loop() {
        while (running) {
            if (waiting.compareAndSet(false, true)) {
                long posted = System.nanoTime();
                long postedAt = System.currentTimeMillis();
                Samples into = samples;
                List<long[]> longOnes = longStalls;
                Platform.runLater(() -> {
                    long late = System.nanoTime() - posted;
                    into.add(late);
                    if (late > TimeUnit.MILLISECONDS.toNanos(16)) {
                        longOnes.add(new long[] {postedAt, System.currentTimeMillis()});
                    }
                    waiting.set(false);
                });
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
