package dev.holdfast.ui.fx;

import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The only way onto the FX thread. Session updates arrive on the core thread, one by one and
 * sometimes hundreds at once (a recovery); the bridge queues them and asks the FX thread to
 * drain the queue with at most one pending {@code runLater} at any time, so a burst costs one
 * pulse instead of flooding the FX event queue. Work that may block (journal reads, files) runs
 * on the background executor and only its result comes back to the FX thread.
 *
 * <p>Threading: {@code pending} and {@code drainScheduled} are shared by the core thread (adds)
 * and the FX thread (drains) and are lock-free; {@code listeners} is owned by the FX thread.
 */
public final class FxBridge {
    private final Executor fx;
    private final Executor background;
    private final ConcurrentLinkedQueue<SessionUpdate> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final List<Consumer<List<SessionUpdate>>> listeners = new ArrayList<>();

    /**
     * @param fx         runs a task on the FX thread later ({@code Platform::runLater} in the panel,
     *                   a plain queue in tests)
     * @param background runs blocking work off the FX thread
     */
    public FxBridge(Executor fx, Executor background) {
        this.fx = fx;
        this.background = background;
    }

    public static FxBridge forJavaFx(Executor background) {
        return new FxBridge(javafx.application.Platform::runLater, background);
    }

    /** Starts carrying this session's updates to the FX thread; cancel to stop. */
    public Cancellable attach(AgentSession session) {
        return session.subscribe(this::offer);
    }

    /** Called on the core thread: queue it and make sure one drain is on its way. */
    public void offer(SessionUpdate update) {
        pending.add(update);
        if (drainScheduled.compareAndSet(false, true)) {
            fx.execute(this::drain);
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
        List<SessionUpdate> batch = new ArrayList<>();
        for (SessionUpdate u = pending.poll(); u != null; u = pending.poll()) {
            batch.add(u);
        }
        if (batch.isEmpty()) {
            return;
        }
        List<SessionUpdate> coalesced = withoutSupersededStatus(batch);
        for (Consumer<List<SessionUpdate>> l : List.copyOf(listeners)) {
            l.accept(coalesced);
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
