package dev.holdfast.platform.supervision;

import dev.holdfast.platform.live.Conversation;
import dev.holdfast.platform.live.Oversight;
import dev.holdfast.protocol.supervision.ConnectionHealth;
import dev.holdfast.protocol.supervision.StaleRules;
import dev.holdfast.protocol.supervision.Staleness;

/**
 * Gathers a live conversation's facts and asks the {@link StalenessJudge}, now on the platform's
 * clock. Call while holding the live store's lock (through {@link Oversight#locked}), so that the
 * judgement and whatever acts on it see the same state.
 */
public final class Judgement {
    private final Oversight live;
    private final StaleRules rules;

    public Judgement(Oversight live, StaleRules rules) {
        this.live = live;
        this.rules = rules;
    }

    public StaleRules rules() {
        return rules;
    }

    public Staleness of(Conversation c) {
        return StalenessJudge.judge(rules, facts(c), live.now());
    }

    ConversationFacts facts(Conversation c) {
        String assignee = c.assignee();
        Oversight.AgentActivity agent = assignee == null ? null : live.agent(assignee);
        Oversight.Marks marks = assignee == null ? new Oversight.Marks(0, 0) : live.marks(c.id(), assignee);
        long lastMessageAt = c.lastMessageAt() > 0 ? c.lastMessageAt() : c.createdAt();
        return new ConversationFacts(c.status(), assignee, lastMessageAt, c.summary().waitingSince(),
                agent == null ? ConnectionHealth.OFFLINE : agent.health(), agent == null ? 0 : agent.offlineSince(),
                marks.typedAt(), marks.sentAt(), agent == null ? 0 : agent.unsent().getOrDefault(c.id(), 0));
    }
}
