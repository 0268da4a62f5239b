package dev.holdfast.platform.live;

import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.EventPage;

/**
 * What a customer may see of a conversation's events: an agent's device id and client message id
 * identify the agent's computer and its outbox, and receipts are the desks' proof for a restore;
 * none of them is the customer's business. A customer's own messages keep their client message id
 * and device id, which its widget matches its acks and resends by.
 */
final class CustomerCopy {
    private CustomerCopy() {
    }

    static ConversationEvent of(ConversationEvent e) {
        boolean own = e.author().kind() == AuthorKind.CUSTOMER;
        return new ConversationEvent(e.id(), e.conversationId(), e.seq(), e.kind(), e.at(), e.author(), e.text(),
                own ? e.clientMessageId() : null, own ? e.deviceId() : null, e.assignee(), e.reason(), e.customer(),
                null);
    }

    /** The frame as a customer's socket gets it: events copied, anything else as it is. */
    static ServerFrame of(ServerFrame frame) {
        if (frame instanceof ServerFrame.Event event) {
            return new ServerFrame.Event(of(event.event()));
        }
        if (frame instanceof ServerFrame.Conversation c) {
            return new ServerFrame.Conversation(c.conversation(), c.recent().stream().map(CustomerCopy::of).toList());
        }
        return frame;
    }

    static EventPage of(EventPage page) {
        return new EventPage(page.epoch(), page.conversation(), page.events().stream().map(CustomerCopy::of).toList(),
                page.hasMore());
    }
}
