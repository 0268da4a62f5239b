package dev.holdfast.client.journal;

import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.EventKind;
import java.util.ArrayList;
import java.util.List;

/** Events and summaries for journal tests. */
public final class JournalFixtures {
    public static final CustomerInfo CUSTOMER = new CustomerInfo("cust-1", "Ada", "en", "web", List.of("vip"));
    private static final Author CUSTOMER_AUTHOR = new Author(AuthorKind.CUSTOMER, "cust-1", "Ada");
    private static final Author AGENT = new Author(AuthorKind.AGENT, "agent1", "Agent One");

    private JournalFixtures() {
    }

    /** A customer message with id {@code id}, at second {@code seq} of a fixed morning, with a receipt. */
    public static ConversationEvent message(String conversationId, String id, long seq) {
        return new ConversationEvent(id, conversationId, seq, EventKind.MESSAGE, 1_790_000_000_000L + seq * 1000,
                CUSTOMER_AUTHOR, "message " + id + " at " + seq, null, null, null, null, null, "rcpt-" + id + "-" + seq);
    }

    /** The event the platform acknowledges for an agent's message. */
    public static ConversationEvent agentMessage(String conversationId, String id, long seq, String clientMessageId,
                                                 String deviceId, String text) {
        return new ConversationEvent(id, conversationId, seq, EventKind.MESSAGE, 1_790_000_000_000L + seq * 1000,
                AGENT, text, clientMessageId, deviceId, null, null, null, "rcpt-" + id);
    }

    /** Messages e-{from}..e-{to} at seqs from..to. */
    public static List<ConversationEvent> messages(String conversationId, long from, long to) {
        List<ConversationEvent> out = new ArrayList<>();
        for (long seq = from; seq <= to; seq++) {
            out.add(message(conversationId, "e-" + seq, seq));
        }
        return out;
    }

    public static ConversationSummary summary(String conversationId, long lastActivityAt) {
        return new ConversationSummary(conversationId, ConversationStatus.ASSIGNED, "agent1", 2, 1, 5, CUSTOMER,
                1_790_000_000_000L, lastActivityAt, AuthorKind.CUSTOMER, null, false);
    }
}
