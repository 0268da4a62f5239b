package dev.holdfast.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One entry of a conversation's log. {@code seq} is gap-free per conversation and assigned by the
 * platform; {@code id} is the platform's id for the event; {@code receipt} is the platform's
 * signature over the event (see {@link ReceiptFields}) that lets a client restore it later.
 *
 * <p>Fields that do not apply to a kind are null: {@code text}, {@code clientMessageId} and
 * {@code deviceId} for messages; {@code assignee} for assigned, transferred, reopened and
 * restored; {@code reason} where a person or the platform gave one (routing, transfer, close,
 * reopen, queue, restore); {@code customer} for opened.
 */
public record ConversationEvent(
        String id,
        String conversationId,
        long seq,
        EventKind kind,
        long at,
        Author author,
        String text,
        String clientMessageId,
        String deviceId,
        String assignee,
        String reason,
        CustomerInfo customer,
        String receipt) {

    public ConversationEvent {
        Require.text(id, "id", Limits.MAX_ID_CHARS);
        Require.text(conversationId, "conversationId", Limits.MAX_ID_CHARS);
        Require.atLeast(seq, 1, "seq");
        Require.present(kind, "kind");
        Require.present(author, "author");
        if (kind == EventKind.MESSAGE) {
            Require.text(text, "text", Limits.MAX_TEXT_CHARS);
        }
        if (kind == EventKind.OPENED) {
            Require.present(customer, "customer");
        }
    }

    @JsonIgnore
    public boolean isMessage() {
        return kind == EventKind.MESSAGE;
    }

    public ConversationEvent withReceipt(String newReceipt) {
        return new ConversationEvent(id, conversationId, seq, kind, at, author, text, clientMessageId,
                deviceId, assignee, reason, customer, newReceipt);
    }
}
