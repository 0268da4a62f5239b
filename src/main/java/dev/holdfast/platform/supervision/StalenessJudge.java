package dev.holdfast.platform.supervision;

import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.supervision.ConnectionHealth;
import dev.holdfast.protocol.supervision.HandlingReason;
import dev.holdfast.protocol.supervision.StaleReason;
import dev.holdfast.protocol.supervision.StaleRules;
import dev.holdfast.protocol.supervision.Staleness;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a conversation is stale, and whether it is under active handling (then it is
 * never stale), from facts stamped on the platform's clock and {@code now} on the same clock
 * (decision 0014). Pure: no state, no clock of its own.
 */
public final class StalenessJudge {
    private StalenessJudge() {
    }

    public static Staleness judge(StaleRules rules, ConversationFacts f, long now) {
        if (f.status() != ConversationStatus.QUEUED && f.status() != ConversationStatus.ASSIGNED) {
            return new Staleness(false, List.of(), List.of());
        }
        List<Staleness.Reason> reasons = new ArrayList<>();
        long idle = now - f.lastMessageAt();
        if (idle >= rules.idleMillis()) {
            reasons.add(new Staleness.Reason(StaleReason.IDLE, idle));
        }
        if (f.waitingSince() != null && now - f.waitingSince() >= rules.customerWaitingMillis()) {
            reasons.add(new Staleness.Reason(StaleReason.CUSTOMER_WAITING, now - f.waitingSince()));
        }
        boolean assigned = f.status() == ConversationStatus.ASSIGNED && f.assignee() != null;
        long away = f.agentHealth() == ConnectionHealth.LIVE ? 0 : now - f.agentOfflineSince();
        if (assigned && f.agentHealth() != ConnectionHealth.LIVE && away > rules.agentGraceMillis()) {
            reasons.add(new Staleness.Reason(StaleReason.AGENT_DISCONNECTED, away));
        }
        List<HandlingReason> handling = assigned ? handling(rules, f, now, away) : List.of();
        return new Staleness(!reasons.isEmpty() && handling.isEmpty(), reasons, handling);
    }

    /**
     * A panel that is reconnecting within the grace still counts as connected: a dropped socket
     * must not turn the conversation its agent is typing in into a close candidate.
     */
    private static List<HandlingReason> handling(StaleRules rules, ConversationFacts f, long now, long away) {
        List<HandlingReason> handling = new ArrayList<>();
        boolean connected = f.agentHealth() == ConnectionHealth.LIVE
                || f.agentHealth() == ConnectionHealth.RECONNECTING && away <= rules.agentGraceMillis();
        if (connected && f.typedAt() > 0 && now - f.typedAt() <= rules.activeHandlingMillis()) {
            handling.add(HandlingReason.TYPING);
        }
        if (connected && f.sentAt() > 0 && now - f.sentAt() <= rules.activeHandlingMillis()) {
            handling.add(HandlingReason.SENT);
        }
        // Reported only by a session the platform still keeps: those messages are on their way.
        if (f.unsent() > 0) {
            handling.add(HandlingReason.UNSENT);
        }
        return handling;
    }
}
