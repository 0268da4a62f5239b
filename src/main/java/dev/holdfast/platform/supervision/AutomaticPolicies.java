package dev.holdfast.platform.supervision;

import dev.holdfast.platform.auth.Account;
import dev.holdfast.platform.config.Automatic;
import dev.holdfast.platform.live.Conversation;
import dev.holdfast.platform.live.Oversight;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.Presence;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.supervision.AuditAction;
import dev.holdfast.protocol.supervision.ConnectionHealth;
import java.util.List;

/**
 * The platform's own hand on conversations and agents (policies.automatic; docs/protocol.md
 * §13.1.8), run by {@link #tick} on the platform's scheduler with its clock: warn a silent
 * customer, close after longer silence, close what waited too long in the queue, set away an
 * agent who stopped working. Never a conversation under active handling; every action audited as
 * {@code policy:<name>}.
 */
public final class AutomaticPolicies {
    static final String SILENCE_WARNING = "policy:customer-silence-warning";
    static final String SILENCE_CLOSE = "policy:customer-silence-close";
    static final String QUEUE_TIMEOUT = "policy:queue-timeout";
    static final String AGENT_INACTIVITY = "policy:agent-inactivity";

    private final Oversight live;
    private final Judgement judgement;
    private final Automatic config;

    public AutomaticPolicies(Oversight live, Judgement judgement, Automatic config) {
        this.live = live;
        this.judgement = judgement;
        this.config = config;
    }

    public void tick() {
        live.locked(() -> {
            long now = live.now();
            for (Conversation c : List.copyOf(live.open())) {
                if (c.status() == ConversationStatus.ASSIGNED) {
                    customerSilence(c, now);
                } else if (c.status() == ConversationStatus.QUEUED) {
                    queueTimeout(c, now);
                }
            }
            agentInactivity(now);
            return null;
        });
    }

    /** Silence counts from the agent's last message, when the customer owes the answer. */
    private void customerSilence(Conversation c, long now) {
        if (c.lastMessageBy() != AuthorKind.AGENT) {
            return;
        }
        long silent = now - c.lastMessageAt();
        int close = config.closeSilentCustomerSeconds();
        int warn = config.warnSilentCustomerSeconds();
        if (close > 0 && silent >= close * 1000L) {
            if (judgement.of(c).handling().isEmpty()) {
                String reason = "customer silent for " + close + " s";
                live.say(c, Author.system(), config.text(Automatic.SILENCE_CLOSE, c.customer().language()));
                live.close(c, Author.system(), SILENCE_CLOSE, reason, null);
            }
        } else if (warn > 0 && silent >= warn * 1000L && c.lastSystemMessageAt() < c.lastMessageAt()) {
            if (judgement.of(c).handling().isEmpty()) {
                live.say(c, Author.system(), config.text(Automatic.SILENCE_WARNING, c.customer().language()));
                live.audited(SILENCE_WARNING, AuditAction.WARN, c.id(), null, "customer silent for " + warn + " s");
            }
        }
    }

    /**
     * A queued conversation has no agent to escalate to that routing has not already tried, so it
     * closes with a message asking the customer to write again, rather than wait without end.
     */
    private void queueTimeout(Conversation c, long now) {
        int max = config.maxQueueSeconds();
        if (max > 0 && now - c.queuedAt() >= max * 1000L) {
            live.say(c, Author.system(), config.text(Automatic.QUEUE_CLOSE, c.customer().language()));
            live.close(c, Author.system(), QUEUE_TIMEOUT, "queued for more than " + max + " s", null);
        }
    }

    /**
     * Signing off means away, nothing harsher: the socket, the session, the tokens and the
     * conversations stay; routing just stops giving the agent new ones, and their panel shows it.
     */
    private void agentInactivity(long now) {
        int limit = config.signOffInactiveAgentSeconds();
        if (limit <= 0) {
            return;
        }
        for (Account a : live.accounts()) {
            if (a.role() != Role.AGENT) {
                continue;
            }
            Oversight.AgentActivity act = live.agent(a.id());
            if (act.health() != ConnectionHealth.LIVE || act.chosen() != Presence.AVAILABLE
                    || now - act.lastActedAt() < limit * 1000L || handlesAny(a.id())) {
                continue;
            }
            live.setAway(a.id(), AGENT_INACTIVITY, "no action for " + limit + " s");
        }
    }

    private boolean handlesAny(String userId) {
        for (Conversation c : live.open()) {
            if (userId.equals(c.assignee()) && !judgement.of(c).handling().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
