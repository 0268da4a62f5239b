package dev.holdfast.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = Backoff.DEFAULT;

    @Test
    void ceilingDoublesFrom250MillisecondsUpToThirtySeconds() {
        long[] expected = {250, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000};
        for (int n = 0; n < expected.length; n++) {
            assertThat(backoff.ceiling(n)).as("attempt " + n).isEqualTo(Duration.ofMillis(expected[n]));
        }
        assertThat(backoff.ceiling(61)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.ceiling(62)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void delaysAreFullJitterWithinZeroAndTheCeiling() {
        Random random = new Random(3);
        for (int n = 0; n < 12; n++) {
            long ceiling = Math.min(30_000, 250L << n);
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < 5_000; i++) {
                long ms = backoff.delay(n, random).toMillis();
                assertThat(ms).isBetween(0L, ceiling);
                min = Math.min(min, ms);
                max = Math.max(max, ms);
            }
            // full jitter (not "equal jitter"): the whole range is used, down to about zero
            assertThat(min).as("attempt " + n).isLessThanOrEqualTo(ceiling / 20);
            assertThat(max).as("attempt " + n).isGreaterThanOrEqualTo(ceiling - ceiling / 20);
        }
    }

    @Test
    void sameSeedSameDelays() {
        Random a = new Random(9);
        Random b = new Random(9);
        for (int n = 0; n < 20; n++) {
            assertThat(backoff.delay(n, a)).isEqualTo(backoff.delay(n, b));
        }
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.ceiling(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
