package dev.holdfast.platform.supervision;

import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.supervision.ConnectionHealth;

/**
 * What the judge needs to know about one conversation, every time on the platform's clock
 * (epoch ms, 0 for never).
 *
 * @param status           queued or assigned (anything else is never stale)
 * @param assignee         its agent, null while queued
 * @param lastMessageAt    the last message by the customer or an agent, or when it was created if none
 * @param waitingSince     the customer's oldest unanswered message, null when none
 * @param agentHealth      the assignee's connection (OFFLINE when there is no assignee)
 * @param agentOfflineSince when the assignee's last socket closed (0 while live)
 * @param typedAt          the assignee's last typing signal in this conversation
 * @param sentAt           the assignee's last message in this conversation
 * @param unsent           messages for this conversation the assignee's panels report as not yet sent
 */
public record ConversationFacts(ConversationStatus status, String assignee, long lastMessageAt, Long waitingSince,
                                ConnectionHealth agentHealth, long agentOfflineSince, long typedAt, long sentAt,
                                int unsent) {
}
