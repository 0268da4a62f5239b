package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;

/**
 * The staleness rules in force (GET /v1/supervisor/rules), in milliseconds: idle with no message
 * either way for {@code idleMillis}; the customer waiting without an answer for
 * {@code customerWaitingMillis}; the assigned agent disconnected for longer than
 * {@code agentGraceMillis}. Under active handling, never stale: the agent connected and typed or
 * sent within {@code activeHandlingMillis}, or has unsent messages for it.
 */
public record StaleRules(long idleMillis, long customerWaitingMillis, long agentGraceMillis,
                         long activeHandlingMillis) {
    public StaleRules {
        Require.atLeast(idleMillis, 1, "idleMillis");
        Require.atLeast(customerWaitingMillis, 1, "customerWaitingMillis");
        Require.atLeast(agentGraceMillis, 1, "agentGraceMillis");
        Require.atLeast(activeHandlingMillis, 1, "activeHandlingMillis");
    }
}
