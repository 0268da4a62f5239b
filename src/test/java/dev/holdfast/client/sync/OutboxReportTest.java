package dev.holdfast.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.client.common.ManualScheduler;
import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outbox report: in full when live, then only changes, at most once a second; nothing while down. */
class OutboxReportTest {
    private final ManualScheduler core = new ManualScheduler(MutableClock.at("2026-03-02T09:00:00Z"));
    private final List<OutboxEntry> outbox = new ArrayList<>();
    private final List<ClientFrame.Outbox> sent = new ArrayList<>();
    private boolean live = true;
    private final OutboxReport report = new OutboxReport(() -> List.copyOf(outbox), core, frame -> {
        if (live) {
            sent.add((ClientFrame.Outbox) frame);
        }
        return live;
    });

    @Test
    void reportsInFullWhenLiveEvenEmpty() {
        report.connected();
        assertThat(sent).containsExactly(new ClientFrame.Outbox(Map.of()));
    }

    @Test
    void aBurstOfChangesMakesOneReportAfterASecond() {
        report.connected();
        sent.clear();
        outbox.add(entry("c-1"));
        report.changed();
        outbox.add(entry("c-1"));
        report.changed();
        outbox.add(entry("c-2"));
        report.changed();
        core.advance(Duration.ofMillis(999));
        assertThat(sent).isEmpty();
        core.advance(Duration.ofMillis(1));
        assertThat(sent).containsExactly(new ClientFrame.Outbox(Map.of("c-1", 2, "c-2", 1)));

        outbox.clear();
        report.changed();
        core.advance(Duration.ofSeconds(1));
        assertThat(sent).last().isEqualTo(new ClientFrame.Outbox(Map.of()));
    }

    @Test
    void unchangedCountsAreNotRepeated() {
        outbox.add(entry("c-1"));
        report.connected();
        report.changed(); // e.g. QUEUED -> SENDING: still unsent
        core.advance(Duration.ofSeconds(5));
        assertThat(sent).hasSize(1);
    }

    @Test
    void nothingGoesOutWhileDisconnectedAndTheNextSessionHearsEverything() {
        report.connected();
        report.disconnected();
        live = false;
        outbox.add(entry("c-9"));
        report.changed();
        core.advance(Duration.ofSeconds(5));
        assertThat(sent).hasSize(1);

        live = true;
        report.connected();
        assertThat(sent).last().isEqualTo(new ClientFrame.Outbox(Map.of("c-9", 1)));
    }

    @Test
    void keepsToTheFramesLimitOfAThousandConversations() {
        for (int i = 0; i < 1005; i++) {
            outbox.add(entry("c-" + (10000 + i)));
        }
        report.connected();
        assertThat(sent.get(0).unsent()).hasSize(1000).containsKey("c-10000");
    }

    private OutboxEntry entry(String conversationId) {
        return new OutboxEntry(outbox.size(), "m-" + outbox.size(), conversationId, "hello", DeliveryState.QUEUED, 0,
                0, 0, null, null, 0);
    }
}
