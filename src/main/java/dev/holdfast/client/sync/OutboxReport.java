package dev.holdfast.client.sync;

import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.common.Scheduler;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.protocol.ClientFrame;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Tells the platform how many messages this desk holds unsent, per conversation
 * ({@link ClientFrame.Outbox}): a conversation with unsent messages is being handled, and no
 * supervisor's bulk close or policy may close it under the agent's hands.
 *
 * <p>The platform keeps the latest report per session, so it is sent in full once the connection
 * is live (a new session knows nothing) and then only when the counts change, at most once per
 * {@link #DEBOUNCE}: a burst of sends and acks makes one report, not one per message.
 *
 * <p>Threading: core thread only; every field is owned by it.
 */
public final class OutboxReport {
    static final Duration DEBOUNCE = Duration.ofSeconds(1);
    private static final int MAX_CONVERSATIONS = 1000;

    private final Supplier<List<OutboxEntry>> pending;
    private final Scheduler core;
    private final Predicate<ClientFrame> socket;
    /** What the platform was last told on this connection; null until a report went out on it. */
    private Map<String, Integer> reported;
    private Cancellable debounce;

    /**
     * @param pending the journal's unacknowledged messages
     * @param socket  sends a frame if the connection is live; false otherwise
     */
    public OutboxReport(Supplier<List<OutboxEntry>> pending, Scheduler core, Predicate<ClientFrame> socket) {
        this.pending = pending;
        this.core = core;
        this.socket = socket;
    }

    /** The connection is live (after a welcome and its catch-up): report now, even an empty outbox. */
    public void connected() {
        cancelDebounce();
        reported = null;
        report();
    }

    /** The connection dropped: the next session starts from nothing. */
    public void disconnected() {
        cancelDebounce();
        reported = null;
    }

    /** Something in the outbox changed: report within {@link #DEBOUNCE} if the counts differ. */
    public void changed() {
        if (debounce == null && reported != null) {
            debounce = core.schedule(DEBOUNCE, () -> {
                debounce = null;
                report();
            });
        }
    }

    private void report() {
        Map<String, Integer> counts = counts(pending.get());
        if (counts.equals(reported)) {
            return;
        }
        if (socket.test(new ClientFrame.Outbox(counts))) {
            reported = counts;
        }
    }

    /** Per conversation, the unsent messages; the first thousand conversations (the frame's limit), by id. */
    static Map<String, Integer> counts(List<OutboxEntry> entries) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (OutboxEntry e : entries) {
            counts.merge(e.conversationId(), 1, Integer::sum);
        }
        while (counts.size() > MAX_CONVERSATIONS) {
            counts.pollLastEntry();
        }
        return counts;
    }

    private void cancelDebounce() {
        if (debounce != null) {
            debounce.cancel();
            debounce = null;
        }
    }
}
