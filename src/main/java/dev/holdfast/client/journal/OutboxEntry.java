package dev.holdfast.client.journal;

/**
 * One outgoing message. {@code clientMessageId} is a UUIDv7 given when it was composed and
 * kept through every resend. {@code position} orders the outbox. {@code serverId} and
 * {@code seq} are set once SENT; {@code reason} explains FAILED_WILL_RETRY and NEEDS_ACTION.
 */
public record OutboxEntry(long position, String clientMessageId, String conversationId, String text,
                          DeliveryState state, int attempts, long createdAt, long nextAttemptAt, String reason,
                          String serverId, long seq) {
}
