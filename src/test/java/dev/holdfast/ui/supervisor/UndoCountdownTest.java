package dev.holdfast.ui.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.client.common.ManualScheduler;
import dev.holdfast.protocol.supervision.BulkCloseResult;
import dev.holdfast.protocol.supervision.SkipReason;
import dev.holdfast.protocol.supervision.Skipped;
import dev.holdfast.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The five minutes to undo, counted on the platform's clock with a fake desk clock. */
class UndoCountdownTest {
    private final MutableClock desk = MutableClock.at("2026-03-02T09:00:00Z");
    private final ManualScheduler timers = new ManualScheduler(desk);

    @Test
    void countsDownTheFiveMinutesSecondBySecondAndStops() {
        UndoCountdown c = new UndoCountdown(desk.millis() + 300_000, 0, desk::millis, timers);
        assertThat(c.words()).isEqualTo("5:00");
        timers.advance(Duration.ofSeconds(1));
        assertThat(c.words()).isEqualTo("4:59");
        timers.advance(Duration.ofSeconds(238));
        assertThat(c.words()).isEqualTo("1:01");
        timers.advance(Duration.ofSeconds(60));
        assertThat(c.words()).isEqualTo("0:01");
        timers.advance(Duration.ofSeconds(1));
        assertThat(c.remainingProperty().get()).isZero();
        assertThat(timers.pending()).isZero();
    }

    @Test
    void aDeskClockBehindThePlatformIsCorrectedByTheOffset() {
        long platformNow = desk.millis() + 3_600_000; // the desk's clock is an hour behind
        UndoCountdown c = new UndoCountdown(platformNow + 120_000, 3_600_000, desk::millis, timers);
        assertThat(c.words()).isEqualTo("2:00");
    }

    @Test
    void stoppingCancelsTheTicks() {
        UndoCountdown c = new UndoCountdown(desk.millis() + 10_000, 0, desk::millis, timers);
        c.stop();
        timers.advance(Duration.ofSeconds(5));
        assertThat(c.words()).isEqualTo("0:10");
    }

    @Test
    void twoBatchesAddUpAndTheEarlierDeadlineCounts() {
        CloseStaleViewModel.Closed both = CloseStaleViewModel.merge(List.of(
                new BulkCloseResult("b-en", 2000, List.of("c1", "c2"), List.of(new Skipped("c3", SkipReason.CHANGED))),
                new BulkCloseResult("b-es", 1000, List.of("c4"), List.of())));
        assertThat(both.batchIds()).containsExactly("b-en", "b-es");
        assertThat(both.closed()).containsExactly("c1", "c2", "c4");
        assertThat(both.skipped()).hasSize(1);
        assertThat(both.undoUntil()).isEqualTo(1000);
    }
}
