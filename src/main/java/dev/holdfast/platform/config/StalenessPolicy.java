package dev.holdfast.platform.config;

import dev.holdfast.protocol.supervision.StaleRules;

/**
 * When a conversation counts as stale (policies.staleness in the config file), in seconds:
 * no message either way for {@code idleSeconds}; the customer waiting unanswered for
 * {@code customerWaitingSeconds}; its agent disconnected longer than {@code agentGraceSeconds}.
 * Never stale while its agent typed or sent in it within {@code activeHandlingSeconds}.
 */
public record StalenessPolicy(int idleSeconds, int customerWaitingSeconds, int agentGraceSeconds,
                        int activeHandlingSeconds) {
    public StalenessPolicy {
        positive("idleSeconds", idleSeconds);
        positive("customerWaitingSeconds", customerWaitingSeconds);
        positive("agentGraceSeconds", agentGraceSeconds);
        positive("activeHandlingSeconds", activeHandlingSeconds);
    }

    /** Idle 30 min, customer waiting 10 min, agent grace 2 min, active handling 3 min. */
    public static StalenessPolicy defaults() {
        return new StalenessPolicy(1800, 600, 120, 180);
    }

    public StaleRules rules() {
        return new StaleRules(idleSeconds * 1000L, customerWaitingSeconds * 1000L, agentGraceSeconds * 1000L,
                activeHandlingSeconds * 1000L);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("policies.staleness." + name + " must be positive, got " + value);
        }
    }
}
