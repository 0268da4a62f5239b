package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;

/**
 * One action in the audit log: who (a user id, or {@code policy:<name>}), when (platform clock,
 * epoch ms), what, on which conversation (null for an agent sign-off), why, and the batch it
 * belonged to (null for single actions). {@code target} is the agent a reassign or reopen went to,
 * or the agent signed off.
 */
public record AuditEntry(long id, long at, String actor, AuditAction action, String conversationId, String target,
                         String reason, String batchId) {
    public AuditEntry {
        Require.text(actor, "actor");
        Require.present(action, "action");
    }
}
