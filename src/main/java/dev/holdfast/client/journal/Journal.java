package dev.holdfast.client.journal;

import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The truth on the desk: one user's copy of one platform, in one SQLite file. Every method is
 * durable when it returns (the outbox write is synced before the message is shown as queued).
 * Thread-safe: all writes go through one writer; reads may come from any thread.
 */
public interface Journal extends AutoCloseable {

    /** This installation's device id for this user and platform, made once (UUIDv7) and kept. */
    String deviceId();

    // ---- platform identity and credentials -----------------------------------------------

    Optional<String> epoch();

    void saveEpoch(String epoch);

    Optional<String> sessionId();

    void saveSessionId(String sessionId);

    /** The refresh token, saved before it is used so that a rotation is never lost. */
    Optional<String> refreshToken();

    void saveRefreshToken(String refreshToken);

    void forgetRefreshToken();

    // ---- conversations and their events ----------------------------------------------------

    void upsertConversation(ConversationSummary summary);

    /**
     * {@link #upsertConversation} for each summary, in order, in one transaction: durable when it
     * returns, all or nothing. For many at once (a restore's results), where one sync per summary
     * would cost a disk flush each.
     */
    void upsertConversations(List<ConversationSummary> summaries);

    Optional<ConversationSummary> conversation(String conversationId);

    /** Every conversation held, most recent activity first. */
    List<ConversationSummary> conversations();

    /**
     * Stores events of one conversation in one transaction: inserted or replaced by event id (a
     * restore may give an event a new seq), then the cursor moves to the highest seq held
     * contiguously from the cursor. Returns the cursor after the write.
     */
    long applyEvents(String conversationId, List<ConversationEvent> events);

    /**
     * Whether any of these events is held under its id at another seq: the platform renumbered
     * the conversation (a restore moved its tail, protocol.md §11.7) and this copy is stale.
     */
    boolean holdsAtAnotherSeq(String conversationId, List<ConversationEvent> events);

    /**
     * Replaces the copy with the platform's log as fetched from the start, in one transaction:
     * events held at or below the last fetched seq that the log does not have there are dropped,
     * the fetched ones stored, events above it kept. The fetch is complete through its last seq, so
     * the cursor becomes that seq (or more, as far as events held above it run contiguously).
     * Returns the cursor.
     */
    long replaceHistory(String conversationId, List<ConversationEvent> log);
    /** One conversation's events, for {@link #applyEvents(List)}. */
    record EventBatch(String conversationId, List<ConversationEvent> events) {
    }

    /** Where a conversation's cursor stood before a write and after it. */
    record CursorMove(long before, long after) {
    }

    /**
     * {@link #applyEvents(String, List)} for each batch, in order, in one transaction: durable when
     * it returns, all or nothing. Returns, per batch, the conversation's cursor before its write
     * (0 if the conversation was not held) and after it. For many small writes at once (a burst of
     * event frames), where one sync each would cost a disk flush each.
     */
    List<CursorMove> applyEvents(List<EventBatch> batches);

    /** The highest seq applied contiguously (0 if none). */
    long cursor(String conversationId);

    /** Cursors of every conversation held. */
    Map<String, Long> cursors();

    /** Events with seq above {@code afterSeq}, ascending, at most {@code limit}. */
    List<ConversationEvent> events(String conversationId, long afterSeq, int limit);

    /** The {@code limit} events just before {@code beforeSeq}, ascending. */
    List<ConversationEvent> eventsBefore(String conversationId, long beforeSeq, int limit);

    /** Every event held for a conversation, ascending (for restore). */
    List<ConversationEvent> allEvents(String conversationId);

    // ---- outbox ----------------------------------------------------------------------------

    /** Journals a new outgoing message (QUEUED) with a fresh UUIDv7 client message id; synced on return. */
    OutboxEntry enqueue(String conversationId, String text, long now);

    Optional<OutboxEntry> outboxEntry(String clientMessageId);

    /** Entries not yet SENT, in the order they were composed. */
    List<OutboxEntry> pending();

    void markSending(String clientMessageId);

    /** Marks it SENT and stores the acknowledged event, in one transaction. */
    void markSent(String clientMessageId, ConversationEvent acknowledged);

    void markFailed(String clientMessageId, String reason, long nextAttemptAt);

    void markNeedsAction(String clientMessageId, String reason);

    /** Puts a NEEDS_ACTION or FAILED entry back to QUEUED (the user chose Retry). */
    void requeue(String clientMessageId);

    /** Removes an unsent entry (the user chose Discard). */
    void discard(String clientMessageId);

    // ---- drafts and the event log ------------------------------------------------------------

    void saveDraft(String conversationId, String text);

    Optional<String> draft(String conversationId);

    void log(long at, String kind, String detail);

    /** The newest entries first. */
    List<LogEntry> recentLog(int limit);

    @Override
    void close();
}
