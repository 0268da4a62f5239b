package dev.holdfast.client.journal;

import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationSummary;
import java.util.List;
import java.util.Map;

/**
 * Everything a journal holds except its secrets (the refresh token and the session id are left
 * out), read in one consistent snapshot.
 *
 * @param epoch the platform epoch last seen, or null
 * @param conversations every conversation held, most recent activity first
 * @param outbox every outbox entry, sent or not, in position order
 * @param drafts conversation id to draft text
 */
public record JournalExport(String deviceId, String epoch, List<ConversationCopy> conversations,
                            List<OutboxEntry> outbox, Map<String, String> drafts) {
    public JournalExport {
        conversations = List.copyOf(conversations);
        outbox = List.copyOf(outbox);
        drafts = Map.copyOf(drafts);
    }

    /**
     * One conversation: its summary (null when only its events or outbox entries are held), its
     * cursor and its events in seq order.
     */
    public record ConversationCopy(String id, ConversationSummary summary, long cursor,
                                   List<ConversationEvent> events) {
        public ConversationCopy {
            events = List.copyOf(events);
        }
    }
}
