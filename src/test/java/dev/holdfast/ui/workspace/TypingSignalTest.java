package dev.holdfast.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.client.common.ManualScheduler;
import dev.holdfast.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent's typing signal on a hand-moved clock: few frames while typing, "stopped" when idle. */
class TypingSignalTest {
    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<String> said = new ArrayList<>();
    private final TypingSignal signal = new TypingSignal((id, active) -> said.add(id + (active ? " typing" : " stopped")),
            scheduler, clock);

    @Test
    void aBurstOfKeysSaysTypingOnceThenAgainEveryFewSeconds() {
        for (int key = 0; key < 20; key++) { // 20 keys in 2 s
            signal.typed("c1");
            scheduler.advance(Duration.ofMillis(100));
        }
        assertThat(said).containsExactly("c1 typing");
        scheduler.advance(Duration.ofMillis(1000)); // 3 s after the first key
        signal.typed("c1");
        assertThat(said).containsExactly("c1 typing", "c1 typing");
    }

    @Test
    void fiveSecondsWithoutAKeySayStoppedOnce() {
        signal.typed("c1");
        scheduler.advance(Duration.ofMillis(4900));
        assertThat(said).containsExactly("c1 typing");
        scheduler.advance(Duration.ofMillis(100));
        assertThat(said).containsExactly("c1 typing", "c1 stopped");
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(said).hasSize(2);
    }

    @Test
    void eachKeyPushesTheIdleDeadlineBack() {
        signal.typed("c1");
        scheduler.advance(Duration.ofSeconds(4));
        signal.typed("c1");
        scheduler.advance(Duration.ofSeconds(4));
        assertThat(said).doesNotContain("c1 stopped");
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(said).endsWith("c1 stopped");
    }

    @Test
    void sendingStopsAtOnceAndTheTimerStaysQuiet() {
        signal.typed("c1");
        signal.stop();
        assertThat(said).containsExactly("c1 typing", "c1 stopped");
        scheduler.advance(Duration.ofSeconds(10));
        signal.stop();
        assertThat(said).hasSize(2);
    }

    @Test
    void typingInAnotherConversationStopsTheFirst() {
        signal.typed("c1");
        signal.typed("c2");
        assertThat(said).containsExactly("c1 typing", "c1 stopped", "c2 typing");
    }

    @Test
    void nothingTypedNothingSaid() {
        signal.stop();
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(said).isEmpty();
    }
}
