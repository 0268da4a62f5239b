package dev.holdfast.ui.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.supervision.HandlingReason;
import dev.holdfast.protocol.supervision.SkipReason;
import dev.holdfast.protocol.supervision.StaleReason;
import dev.holdfast.protocol.supervision.Staleness;
import dev.holdfast.ui.i18n.Messages;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Staleness, handling and skips in words, English and Spanish, with the platform's durations. */
class SupervisionWordsTest {
    private final Messages en = Messages.forLanguage("en");
    private final Messages es = Messages.forLanguage("es");

    @Test
    void staleReasonsCarryTheirDurations() {
        assertThat(SupervisionWords.staleness(BoardRows.stale(StaleReason.IDLE, 42 * 60_000), en))
                .isEqualTo("Idle 42 min");
        assertThat(SupervisionWords.staleness(BoardRows.stale(StaleReason.CUSTOMER_WAITING, 12 * 60_000 + 59_000), en))
                .isEqualTo("Customer waiting 12 min");
        assertThat(SupervisionWords.staleness(BoardRows.stale(StaleReason.AGENT_DISCONNECTED, 5 * 60_000), en))
                .isEqualTo("Agent offline 5 min");
        assertThat(SupervisionWords.staleness(BoardRows.stale(StaleReason.AGENT_DISCONNECTED, 5 * 60_000), es))
                .isEqualTo("Agente desconectado 5 min");
        Staleness both = new Staleness(true, List.of(new Staleness.Reason(StaleReason.IDLE, 3_900_000),
                new Staleness.Reason(StaleReason.CUSTOMER_WAITING, 40_000)), List.of());
        assertThat(SupervisionWords.staleness(both, en)).isEqualTo("Idle 1 h 5 min · Customer waiting 40 s");
    }

    @Test
    void handlingWinsOverAnyRuleAndSaysWhy() {
        Staleness typing = new Staleness(false, List.of(new Staleness.Reason(StaleReason.IDLE, 3_000_000)),
                List.of(HandlingReason.TYPING, HandlingReason.UNSENT));
        assertThat(SupervisionWords.staleness(typing, en)).isEqualTo("Being handled (typing, unsent messages)");
        assertThat(SupervisionWords.staleness(BoardRows.handled(HandlingReason.SENT), es))
                .isEqualTo("En atención (acaba de responder)");
        assertThat(SupervisionWords.staleness(BoardRows.fresh(), en)).isEqualTo("—");
    }

    @Test
    void staleSortsAboveHandledAboveFreshAndLongerAboveShorter() {
        long longer = SupervisionWords.staleRank(BoardRows.stale(StaleReason.IDLE, 50 * 60_000));
        long shorter = SupervisionWords.staleRank(BoardRows.stale(StaleReason.CUSTOMER_WAITING, 11 * 60_000));
        long handled = SupervisionWords.staleRank(BoardRows.handled(HandlingReason.TYPING));
        long fresh = SupervisionWords.staleRank(BoardRows.fresh());
        assertThat(longer).isGreaterThan(shorter);
        assertThat(shorter).isGreaterThan(fresh);
        assertThat(fresh).isGreaterThan(handled);
    }

    @Test
    void skipsAndWhoActedLast() {
        assertThat(SupervisionWords.skipped(SkipReason.CHANGED, en)).startsWith("it changed after the preview");
        assertThat(SupervisionWords.skipped(SkipReason.ACTIVE_HANDLING, es)).isEqualTo("su agente la está atendiendo");
        assertThat(SupervisionWords.lastActivityBy(AuthorKind.AGENT, "agent2", en)).isEqualTo("agent2");
        assertThat(SupervisionWords.lastActivityBy(AuthorKind.CUSTOMER, null, es)).isEqualTo("cliente");
        assertThat(SupervisionWords.clockTime(BoardRows.NOW, ZoneOffset.UTC)).isEqualTo("09:00");
    }
}
