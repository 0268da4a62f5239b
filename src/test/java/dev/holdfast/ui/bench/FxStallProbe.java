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

    /** The FX thread, for stack samples during a stall; set by the first probe. */
    private volatile Thread fxThread;
    /** Stack samples of the FX thread taken while the current probe is over 8 ms late. */
    private volatile List<StackTraceElement[]> currentStacks = new CopyOnWriteArrayList<>();
    private volatile long currentPosted;
    /** With -Dbench.stacks=true: for each stall over 16 ms, the FX thread's stack samples, printed to stderr. */
    private static final boolean STACKS = Boolean.getBoolean("bench.stacks");

    private void loop() {
        while (running) {
            Thread fx = fxThread;
            if (STACKS && waiting.get() && fx != null && System.nanoTime() - currentPosted > 8_000_000) {
                currentStacks.add(fx.getStackTrace());
            }
            if (waiting.compareAndSet(false, true)) {
                long posted = System.nanoTime();
                currentPosted = posted;
                List<StackTraceElement[]> stacks = new CopyOnWriteArrayList<>();
                currentStacks = stacks;
                long postedAt = System.currentTimeMillis();
                Samples into = samples;
                List<long[]> longOnes = longStalls;
                Platform.runLater(() -> {
                    long late = System.nanoTime() - posted;
                    fxThread = Thread.currentThread();
                    into.add(late);
                    if (late > TimeUnit.MILLISECONDS.toNanos(16)) {
                        longOnes.add(new long[] {postedAt, System.currentTimeMillis()});
                        if (STACKS) {
                            printStacks(late, stacks);
                        }
                    }
                    waiting.set(false);
                });
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static void printStacks(long late, List<StackTraceElement[]> stacks) {
        StringBuilder out = new StringBuilder(String.format("STALL %.1f ms, %d samples%n", late / 1e6, stacks.size()));
        for (StackTraceElement[] stack : stacks) {
            out.append("  sample\n");
            for (int i = 0; i < stack.length; i++) {
                out.append("    ").append(stack[i]).append('\n');
            }
        }
        System.err.print(out);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
