package dev.holdfast.ui.workspace;

import dev.holdfast.protocol.ConversationSummary;

/**
 * One row of the conversation list. {@code waitingSince} is the summary's, kept current from the
 * events seen since (a customer message starts the wait, an agent's answer ends it).
 */
public record ConversationItem(ConversationSummary summary, int unread, Long waitingSince) {

    public String id() {
        return summary.id();
    }

    public String customerName() {
        return summary.customer().name();
    }

    ConversationItem withSummary(ConversationSummary newer) {
        return new ConversationItem(newer, unread, newer.waitingSince());
    }

    ConversationItem withUnread(int count) {
        return new ConversationItem(summary, count, waitingSince);
    }

    ConversationItem withWaitingSince(Long since) {
        return new ConversationItem(summary, unread, since);
    }
}
