package dev.holdfast.ui.workspace;

import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.EventKind;

/**
 * One line of a thread: a message bubble or a system line. {@code key} is the client message id
 * for the agent's own messages (so the journaled copy and the platform's acknowledged event are
 * the same line) and the event id otherwise. {@code seq} is 0 until the platform has numbered
 * it; {@code delivery} is null for what others wrote; {@code nextAttemptAt} (epoch millis) is when
 * a failed message is tried again, 0 when no retry is planned.
 */
public record MessageItem(String key, long seq, EventKind kind, AuthorKind authorKind, String authorName,
                          String text, long at, DeliveryState delivery, String reason, String subject,
                          long nextAttemptAt) {

    static MessageItem of(ConversationEvent e, String me) {
        String key = e.clientMessageId() != null ? e.clientMessageId() : e.id();
        boolean mine = e.author().kind() == AuthorKind.AGENT && e.isMessage()
                && (me.equals(e.author().id()) || me.equals(e.author().name()));
        DeliveryState delivery = mine ? DeliveryState.SENT : null;
        String subject = e.kind() == EventKind.OPENED && e.customer() != null ? e.customer().name() : e.assignee();
        return new MessageItem(key, e.seq(), e.kind(), e.author().kind(), e.author().name(), e.text(), e.at(),
                delivery, e.reason(), subject, 0);
    }

    static MessageItem of(OutboxEntry o, String me) {
        return new MessageItem(o.clientMessageId(), o.seq(), EventKind.MESSAGE, AuthorKind.AGENT, me, o.text(),
                o.createdAt(), o.state(), o.reason(), null,
                o.state() == DeliveryState.FAILED_WILL_RETRY ? o.nextAttemptAt() : 0);
    }

    public boolean isMessage() {
        return kind == EventKind.MESSAGE;
    }

    /** A message the customer wrote (what "new messages" and unread counts are about). */
    public boolean fromCustomer() {
        return isMessage() && authorKind == AuthorKind.CUSTOMER;
    }

    public boolean mine() {
        return authorKind == AuthorKind.AGENT && delivery != null;
    }
}
