package dev.holdfast.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PacingTest {
    private static final int DRAWS = 20_000;
    private final Pacing pacing = new Pacing();

    @Test
    void nextLineIsFiveToFortySecondsOrSometimesAQuickSecondLine() {
        LongSummaryStatistics all = stats(pacing::nextLine);
        assertThat(all.getMin()).isGreaterThanOrEqualTo(Pacing.MIN_QUICK_LINE.toMillis());
        assertThat(all.getMax()).isLessThanOrEqualTo(Pacing.MAX_THINK.toMillis());
        List<Long> draws = draws(pacing::nextLine);
        long quick = draws.stream().filter(ms -> ms < Pacing.MIN_THINK.toMillis()).count();
        assertThat(draws).allMatch(ms -> ms <= Pacing.MAX_QUICK_LINE.toMillis() || ms >= Pacing.MIN_THINK.toMillis());
        assertThat((double) quick / DRAWS).isBetween(0.10, 0.20);
        // a spread, not a constant: both long and short thinkers
        assertThat(draws.stream().filter(ms -> ms > 25_000).count()).isPositive();
        assertThat(draws.stream().filter(ms -> ms >= 5_000 && ms < 10_000).count()).isPositive();
    }

    @Test
    void answersComeSoonerAfterAnAgentReply() {
        LongSummaryStatistics afterReply = stats(pacing::afterAgentReply);
        assertThat(afterReply.getMin()).isGreaterThanOrEqualTo(Pacing.MIN_AFTER_REPLY.toMillis());
        assertThat(afterReply.getMax()).isLessThanOrEqualTo(Pacing.MAX_AFTER_REPLY.toMillis());
        assertThat(afterReply.getAverage()).isLessThan(stats(pacing::nextLine).getAverage() / 1.5);
    }

    @Test
    void typingLastsOneToFourSecondsAndLongerForLongerLines() {
        String shortLine = "Hi!";
        String longLine = "I placed order #123456 yesterday and I'd like to change the shipping address.";
        LongSummaryStatistics shortTyping = stats(r -> pacing.typing(shortLine, r));
        LongSummaryStatistics longTyping = stats(r -> pacing.typing(longLine, r));
        for (LongSummaryStatistics s : List.of(shortTyping, longTyping)) {
            assertThat(s.getMin()).isGreaterThanOrEqualTo(1_000);
            assertThat(s.getMax()).isLessThanOrEqualTo(4_000);
        }
        assertThat(longTyping.getAverage()).isGreaterThan(shortTyping.getAverage() + 1_000);
    }

    @Test
    void otherDelaysStayInTheirBounds() {
        assertBetween(stats(pacing::firstLine), Pacing.MIN_FIRST_LINE, Pacing.MAX_FIRST_LINE);
        assertBetween(stats(pacing::replacement), Pacing.MIN_REPLACEMENT, Pacing.MAX_REPLACEMENT);
        assertBetween(stats(pacing::stagger), Pacing.MIN_STAGGER, Pacing.MAX_STAGGER);
        List<Long> linger = draws(pacing::lingerAfterGoodbye);
        assertThat(linger).allMatch(ms -> ms == 0
                || (ms >= Pacing.MIN_LINGER.toMillis() && ms <= Pacing.MAX_LINGER.toMillis()));
        double leaveAtOnce = linger.stream().filter(ms -> ms == 0).count() / (double) DRAWS;
        assertThat(leaveAtOnce).isBetween(0.25, 0.45);
    }

    @Test
    void theSameSeedGivesTheSameTimings() {
        Random a = new Random(42);
        Random b = new Random(42);
        for (int i = 0; i < 1_000; i++) {
            assertThat(pacing.nextLine(a)).isEqualTo(pacing.nextLine(b));
            assertThat(pacing.afterAgentReply(a)).isEqualTo(pacing.afterAgentReply(b));
            assertThat(pacing.typing("hola", a)).isEqualTo(pacing.typing("hola", b));
            assertThat(pacing.lingerAfterGoodbye(a)).isEqualTo(pacing.lingerAfterGoodbye(b));
        }
    }

    @Test
    void atSpeedMakesTheSameDrawsFaster() {
        Pacing fast = Pacing.atSpeed(10);
        Random a = new Random(8);
        Random b = new Random(8);
        for (int i = 0; i < 1_000; i++) {
            assertThat(fast.nextLine(a).toMillis()).isEqualTo(Math.round(pacing.nextLine(b).toMillis() / 10.0));
            assertThat(fast.typing("hello", a).toMillis()).isEqualTo(Math.round(pacing.typing("hello", b).toMillis() / 10.0));
        }
        assertThat(new Pacing().speed()).isEqualTo(1.0);
        assertThatThrownBy(() -> Pacing.atSpeed(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertBetween(LongSummaryStatistics s, Duration min, Duration max) {
        assertThat(s.getMin()).isGreaterThanOrEqualTo(min.toMillis());
        assertThat(s.getMax()).isLessThanOrEqualTo(max.toMillis());
        assertThat(s.getMax()).isGreaterThan(s.getMin());
    }

    private static LongSummaryStatistics stats(Function<Random, Duration> draw) {
        return draws(draw).stream().mapToLong(Long::longValue).summaryStatistics();
    }

    private static List<Long> draws(Function<Random, Duration> draw) {
        Random random = new Random(1);
        List<Long> out = new ArrayList<>(DRAWS);
        for (int i = 0; i < DRAWS; i++) {
            out.add(draw.apply(random).toMillis());
        }
        return out;
    }
}
