package dev.holdfast.platform.live;

/**
 * A customer's message accepted while its conversation awaits restore: acknowledged to the
 * customer, sequenced only once the conversation's history is back (or the grace runs out).
 */
public record PendingMessage(String pendingId, String customerId, String clientMessageId, String text, long at) {
}
