package dev.holdfast.ui.fx;

import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionUpdate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The only way onto the FX thread. Session updates arrive on the core thread, one by one and
 * sometimes thousands at once (a recovery, a burst of customers); the bridge queues them and drains
 * the queue at most once per pulse, with at most one drain pending at any time. A drain hands the
 * listeners slices of updates, in order, until about {@link #SLICE_BUDGET_NS} of listener work is
 * spent, and leaves the rest for the next pulse: a burst then costs a few milliseconds per frame
 * instead of one long stall. Work that may block (journal reads, files) runs on the background
 * executor and only its result comes back to the FX thread.
 *
 * <p>Threading: {@code pending} and {@code drainScheduled} are shared by the core thread (adds)
 * and the FX thread (drains) and are lock-free; {@code listeners}, {@code carried} and
 * {@code nsPerUpdate} are owned by the FX thread.
 */
public final class FxBridge {
    /** Listener work per pulse: leaves most of a 16 ms frame to CSS, layout and input. */
    static final long SLICE_BUDGET_NS = TimeUnit.MILLISECONDS.toNanos(5);
    /** The first slice's size, before any cost has been measured. */
    static final int FIRST_SLICE = 128;

    private final Executor fx;
    private final Executor drains;
    private final Executor background;
    private final LongSupplier nanoTime;
    private final ConcurrentLinkedQueue<SessionUpdate> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final List<Consumer<List<SessionUpdate>>> listeners = new ArrayList<>();
    /** Taken from {@code pending} but not yet delivered: the budget ran out. */
    private final ArrayDeque<SessionUpdate> carried = new ArrayDeque<>();
    /** What one update has cost the listeners lately (a running average); 0 until measured. */
    private double nsPerUpdate;

    /**
     * @param fx         runs a task on the FX thread later ({@code Platform::runLater} in the panel,
     *                   a plain queue in tests); drains run there too
     * @param background runs blocking work off the FX thread
     */
    public FxBridge(Executor fx, Executor background) {
        this(fx, fx, background, System::nanoTime);
    }

    /**
     * @param drains   runs a drain on the FX thread at the next pulse
     * @param nanoTime the clock the slice budget is measured with (a fake one in tests)
     */
    FxBridge(Executor fx, Executor drains, Executor background, LongSupplier nanoTime) {
        this.fx = fx;
        this.drains = drains;
        this.background = background;
        this.nanoTime = nanoTime;
    }

    public static FxBridge forJavaFx(Executor background) {
        return new FxBridge(javafx.application.Platform::runLater, new PulseExecutor(), background, System::nanoTime);
    }

    /** Starts carrying this session's updates to the FX thread; cancel to stop. */
    public Cancellable attach(AgentSession session) {
        return session.subscribe(this::offer);
    }

    /** Called on the core thread: queue it and make sure one drain is on its way. */
    public void offer(SessionUpdate update) {
        pending.add(update);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            drains.execute(this::drain);
        }
    }

    /** Listeners hear batches, in order, on the FX thread. Call from the FX thread. */
    public Cancellable listen(Consumer<List<SessionUpdate>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void drain() {
        // Cleared before polling: an update added from now on schedules another drain, so none
        // is stranded; at worst that drain finds the queue empty.
        drainScheduled.set(false);
        List<SessionUpdate> waiting = new ArrayList<>(carried);
        for (SessionUpdate u = pending.poll(); u != null; u = pending.poll()) {
            waiting.add(u);
        }
        // Coalesced over everything waiting, not per slice: a status superseded later is never drawn.
        carried.clear();
        carried.addAll(withoutSupersededStatus(waiting));
        long start = nanoTime.getAsLong();
        while (!carried.isEmpty()) {
            List<SessionUpdate> slice = new ArrayList<>();
            for (int n = sliceSize(start); n > 0 && !carried.isEmpty(); n--) {
                slice.add(carried.poll());
            }
            long before = nanoTime.getAsLong();
            deliver(slice);
            learn(nanoTime.getAsLong() - before, slice.size());
            if (nanoTime.getAsLong() - start >= SLICE_BUDGET_NS) {
                break;
            }
        }
        if (!carried.isEmpty()) {
            scheduleDrain();
        }
    }

    /** As many updates as the budget left should pay for, judged by what they cost so far. */
    private int sliceSize(long start) {
        if (nsPerUpdate <= 0) {
            return FIRST_SLICE;
        }
        long left = SLICE_BUDGET_NS - (nanoTime.getAsLong() - start);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / nsPerUpdate));
    }

    private void learn(long spentNs, int updates) {
        if (updates == 0) {
            return;
        }
        double cost = Math.max(1, (double) spentNs / updates);
        // Weighted to the latest slice: costs change with what is on screen.
        nsPerUpdate = nsPerUpdate <= 0 ? cost : 0.5 * nsPerUpdate + 0.5 * cost;
    }

    private void deliver(List<SessionUpdate> batch) {
        for (Consumer<List<SessionUpdate>> l : List.copyOf(listeners)) {
            l.accept(batch);
        }
    }

    /** Only the last status of a batch is worth drawing; every other update is kept, in order. */
    static List<SessionUpdate> withoutSupersededStatus(List<SessionUpdate> batch) {
        int lastStatus = -1;
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) instanceof SessionUpdate.StatusChanged) {
                lastStatus = i;
            }
        }
        List<SessionUpdate> kept = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (!(batch.get(i) instanceof SessionUpdate.StatusChanged) || i == lastStatus) {
                kept.add(batch.get(i));
            }
        }
        return kept;
    }

    /** Runs {@code task} on the FX thread later. */
    public void onFx(Runnable task) {
        fx.execute(task);
    }

    /** When {@code future} completes (on whatever thread), hands value or failure to the FX thread. */
    public <T> void whenDone(CompletableFuture<T> future, BiConsumer<? super T, ? super Throwable> onFx) {
        future.whenComplete((value, failure) -> fx.execute(() -> onFx.accept(value, unwrap(failure))));
    }

    /** Runs blocking {@code work} in the background and hands its result to the FX thread. */
    public <T> void load(Supplier<T> work, Consumer<? super T> onFx) {
        whenDone(CompletableFuture.supplyAsync(work, background), (value, failure) -> {
            if (failure == null) {
                onFx.accept(value);
            }
        });
    }

    /** Runs blocking {@code work} in the background; nothing comes back. */
    public void inBackground(Runnable work) {
        background.execute(work);
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
