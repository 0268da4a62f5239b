package dev.holdfast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff();

    @Test
    void ceilingDoublesFrom250MillisUpTo30Seconds() {
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(backoff.ceiling(6)).isEqualTo(Duration.ofMillis(16_000));
        assertThat(backoff.ceiling(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.ceiling(61)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void delaysStayWithinZeroAndTheCeiling() {
        Random random = new Random(42);
        for (int attempt = 0; attempt < 20; attempt++) {
            long ceiling = backoff.ceiling(attempt).toMillis();
            for (int i = 0; i < 500; i++) {
                assertThat(backoff.delay(attempt, random).toMillis()).isBetween(0L, ceiling);
            }
        }
    }

    @Test
    void delaysAreSpreadOverTheWholeRange() {
        // Full jitter: both ends of [0, 250] are reached, not just values near the ceiling.
        Random random = new Random(7);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 5_000; i++) {
            long d = backoff.delay(0, random).toMillis();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isLessThan(10);
        assertThat(max).isGreaterThan(240);
    }

    @Test
    void customBaseAndCap() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(b.ceiling(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.ceiling(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(b.ceiling(3)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.ceiling(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameSeedSameDelays() {
        Random a = new Random(9);
        Random b = new Random(9);
        for (int n = 0; n < 20; n++) {
            assertThat(backoff.delay(n, a)).isEqualTo(backoff.delay(n, b));
        }
    }
}
