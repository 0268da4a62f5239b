package dev.holdfast.protocol;

/**
 * A conversation's current state. {@code version} counts its state-changing events and is what
 * close, transfer, accept and reassign must carry. {@code waitingSince} is when the customer's
 * oldest unanswered message arrived (null when nothing is unanswered).
 */
public record ConversationSummary(
        String id,
        ConversationStatus status,
        String assignee,
        long version,
        long firstSeq,
        long lastSeq,
        CustomerInfo customer,
        long createdAt,
        long lastActivityAt,
        AuthorKind lastActivityBy,
        Long waitingSince,
        boolean restored) {

    public ConversationSummary {
        Require.text(id, "id", Limits.MAX_ID_CHARS);
        Require.present(status, "status");
        Require.present(customer, "customer");
    }
}
