package dev.holdfast.client.supervision;

import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.common.Scheduler;
import dev.holdfast.protocol.supervision.AgentBoard;
import dev.holdfast.protocol.supervision.Board;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the supervisor's console current: while started, asks for the board and the agents'
 * health every {@link #EVERY} (and at once on {@link #refreshNow}, after an action), and hands
 * each pair to the listener as one {@link Snapshot}. Polling rather than push: ADR 0014.
 *
 * <p>One fetch at a time: the next is scheduled {@link #EVERY} after the previous answered, so a
 * slow platform is asked less often, never piled up on. A failed fetch is reported and the feed
 * keeps going; the console says so and shows the last snapshot.
 *
 * <p>Threading: every field is owned by the core scheduler's thread; start, stop and refreshNow
 * may be called from any thread (they hop onto it). The listener runs on the core thread.
 */
public final class BoardFeed {
    public static final Duration EVERY = Duration.ofSeconds(2);

    /** Both boards, from one fetch. */
    public record Snapshot(Board board, AgentBoard agents) {
    }

    /** What the console hears; on the core thread, so hop to the UI's own. */
    public interface Listener {
        void snapshot(Snapshot snapshot);

        void failed(Throwable failure);
    }

    private final Supplier<CompletableFuture<Board>> board;
    private final Supplier<CompletableFuture<AgentBoard>> agents;
    private final Scheduler core;
    private final Listener listener;

    private boolean running;
    private boolean fetching;
    /** An action asked for a fresh look while a fetch was already out: fetch again at once after it. */
    private boolean again;
    private Cancellable next = Cancellable.NONE;
    /** Counts starts, so an answer to a fetch from before a stop is dropped. */
    private long generation;

    public BoardFeed(SupervisorDesk desk, Scheduler core, Listener listener) {
        this(desk::board, desk::agents, core, listener);
    }

    public BoardFeed(Supplier<CompletableFuture<Board>> board, Supplier<CompletableFuture<AgentBoard>> agents,
                     Scheduler core, Listener listener) {
        this.board = board;
        this.agents = agents;
        this.core = core;
        this.listener = listener;
    }

    /** The console is shown: fetch now and every {@link #EVERY} until {@link #stop}. */
    public void start() {
        core.execute(() -> {
            if (!running) {
                running = true;
                generation++;
                fetch();
            }
        });
    }

    /** The console is hidden: no more fetches; an answer still on its way is dropped. */
    public void stop() {
        core.execute(() -> {
            running = false;
            again = false;
            fetching = false;
            generation++;
            next.cancel();
        });
    }

    /** Fetch now (after an action), without waiting for the next tick. */
    public void refreshNow() {
        core.execute(() -> {
            if (!running) {
                return;
            }
            if (fetching) {
                again = true;
            } else {
                next.cancel();
                fetch();
            }
        });
    }

    private void fetch() {
        fetching = true;
        long mine = generation;
        CompletableFuture<Board> b = board.get();
        CompletableFuture<AgentBoard> a = agents.get();
        b.thenCombine(a, Snapshot::new).whenComplete((snapshot, failure) -> core.execute(() -> {
            if (mine != generation) {
                return;
            }
            fetching = false;
            if (failure != null) {
                listener.failed(unwrap(failure));
            } else {
                listener.snapshot(snapshot);
            }
            if (again) {
                again = false;
                fetch();
            } else {
                next = core.schedule(EVERY, this::fetch);
            }
        }));
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
