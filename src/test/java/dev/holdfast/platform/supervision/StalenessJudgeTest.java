package dev.holdfast.platform.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.supervision.ConnectionHealth;
import dev.holdfast.protocol.supervision.HandlingReason;
import dev.holdfast.protocol.supervision.StaleReason;
import dev.holdfast.protocol.supervision.StaleRules;
import dev.holdfast.protocol.supervision.Staleness;
import org.junit.jupiter.api.Test;

class StalenessJudgeTest {
    static final long MIN = 60_000;
    static final StaleRules RULES = new StaleRules(30 * MIN, 10 * MIN, 2 * MIN, 3 * MIN);
    static final long NOW = 1_000_000_000_000L;

    /** Assigned to a live agent; the last message a minute ago; nothing else. */
    static ConversationFacts fresh() {
        return new ConversationFacts(ConversationStatus.ASSIGNED, "ann", NOW - MIN, null, ConnectionHealth.LIVE, 0,
                0, 0, 0);
    }

    static ConversationFacts with(ConversationFacts f, long lastMessageAt, Long waitingSince, ConnectionHealth health,
                                  long offlineSince, long typedAt, long sentAt, int unsent) {
        return new ConversationFacts(f.status(), f.assignee(), lastMessageAt, waitingSince, health, offlineSince,
                typedAt, sentAt, unsent);
    }

    @Test
    void aFreshConversationIsNotStale() {
        Staleness s = StalenessJudge.judge(RULES, fresh(), NOW);
        assertThat(s.stale()).isFalse();
        assertThat(s.reasons()).isEmpty();
        assertThat(s.handling()).isEmpty();
    }

    @Test
    void idleFromTheRuleOnAndWithHowLong() {
        ConversationFacts justUnder = with(fresh(), NOW - 30 * MIN + 1, null, ConnectionHealth.LIVE, 0, 0, 0, 0);
        assertThat(StalenessJudge.judge(RULES, justUnder, NOW).stale()).isFalse();
        ConversationFacts idle = with(fresh(), NOW - 30 * MIN, null, ConnectionHealth.LIVE, 0, 0, 0, 0);
        Staleness s = StalenessJudge.judge(RULES, idle, NOW);
        assertThat(s.stale()).isTrue();
        assertThat(s.reasons()).containsExactly(new Staleness.Reason(StaleReason.IDLE, 30 * MIN));
    }

    @Test
    void aCustomerWaitingTooLongIsStaleAlsoInTheQueue() {
        ConversationFacts queued = new ConversationFacts(ConversationStatus.QUEUED, null, NOW - 11 * MIN,
                NOW - 11 * MIN, ConnectionHealth.OFFLINE, 0, 0, 0, 0);
        Staleness s = StalenessJudge.judge(RULES, queued, NOW);
        assertThat(s.stale()).isTrue();
        assertThat(s.reasons()).containsExactly(new Staleness.Reason(StaleReason.CUSTOMER_WAITING, 11 * MIN));
    }

    @Test
    void anAgentDisconnectedPastTheGraceMakesItStaleButNotWithinIt() {
        ConversationFacts within = with(fresh(), NOW - MIN, null, ConnectionHealth.RECONNECTING, NOW - 2 * MIN, 0, 0, 0);
        assertThat(StalenessJudge.judge(RULES, within, NOW).stale()).isFalse();
        ConversationFacts past = with(fresh(), NOW - MIN, null, ConnectionHealth.OFFLINE, NOW - 2 * MIN - 1, 0, 0, 0);
        assertThat(StalenessJudge.judge(RULES, past, NOW).reasons())
                .containsExactly(new Staleness.Reason(StaleReason.AGENT_DISCONNECTED, 2 * MIN + 1));
    }

    @Test
    void typingOrSendingWithinTheHandlingRuleWhileConnectedProtectsIt() {
        long idle = NOW - 40 * MIN;
        Staleness typing = StalenessJudge.judge(RULES,
                with(fresh(), idle, null, ConnectionHealth.LIVE, 0, NOW - 3 * MIN, 0, 0), NOW);
        assertThat(typing.stale()).isFalse();
        assertThat(typing.handling()).containsExactly(HandlingReason.TYPING);
        assertThat(typing.reasons()).extracting(Staleness.Reason::reason).containsExactly(StaleReason.IDLE);

        Staleness sent = StalenessJudge.judge(RULES,
                with(fresh(), idle, NOW - 5 * MIN, ConnectionHealth.LIVE, 0, 0, NOW - MIN, 0), NOW);
        assertThat(sent.handling()).containsExactly(HandlingReason.SENT);
        assertThat(sent.stale()).isFalse();

        Staleness tooLongAgo = StalenessJudge.judge(RULES,
                with(fresh(), idle, null, ConnectionHealth.LIVE, 0, NOW - 3 * MIN - 1, NOW - 4 * MIN, 0), NOW);
        assertThat(tooLongAgo.handling()).isEmpty();
        assertThat(tooLongAgo.stale()).isTrue();
    }

    @Test
    void aReconnectingPanelStillHandlesWithinTheGraceButNotAfter() {
        long idle = NOW - 40 * MIN;
        Staleness reconnecting = StalenessJudge.judge(RULES,
                with(fresh(), idle, null, ConnectionHealth.RECONNECTING, NOW - MIN, NOW - 2 * MIN, 0, 0), NOW);
        assertThat(reconnecting.handling()).containsExactly(HandlingReason.TYPING);
        assertThat(reconnecting.stale()).isFalse();

        Staleness offline = StalenessJudge.judge(RULES,
                with(fresh(), idle, null, ConnectionHealth.OFFLINE, NOW - MIN, NOW - 2 * MIN, 0, 0), NOW);
        assertThat(offline.handling()).isEmpty();
        assertThat(offline.stale()).isTrue();
    }

    @Test
    void unsentMessagesProtectItWhateverTheConnection() {
        Staleness s = StalenessJudge.judge(RULES,
                with(fresh(), NOW - 40 * MIN, NOW - 40 * MIN, ConnectionHealth.RECONNECTING, NOW - 10 * MIN, 0, 0, 3),
                NOW);
        assertThat(s.handling()).containsExactly(HandlingReason.UNSENT);
        assertThat(s.reasons()).extracting(Staleness.Reason::reason)
                .containsExactly(StaleReason.IDLE, StaleReason.CUSTOMER_WAITING, StaleReason.AGENT_DISCONNECTED);
        assertThat(s.stale()).isFalse();
    }

    @Test
    void closedConversationsAreNeverStale() {
        ConversationFacts closed = new ConversationFacts(ConversationStatus.CLOSED, "ann", 0, null,
                ConnectionHealth.OFFLINE, 0, 0, 0, 0);
        assertThat(StalenessJudge.judge(RULES, closed, NOW)).isEqualTo(new Staleness(false,
                java.util.List.of(), java.util.List.of()));
    }
}
