package dev.holdfast.client.common;

import java.time.Duration;
import java.util.Random;

/**
 * Full-jitter exponential backoff (protocol.md §17.1): before retry {@code n} (from 0) wait a
 * uniformly random time in {@code [0, min(cap, base * 2^n)]}. The jitter matters more than the
 * exponent: when the platform drops every agent at once, the panels must not all come back in
 * the same millisecond.
 */
public final class Backoff {
    public static final Duration DEFAULT_BASE = Duration.ofMillis(250);
    public static final Duration DEFAULT_CAP = Duration.ofSeconds(30);

    private final long baseMillis;
    private final long capMillis;

    /** 250 ms base, 30 s cap. */
    public Backoff() {
        this(DEFAULT_BASE, DEFAULT_CAP);
    }

    public Backoff(Duration base, Duration cap) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap, got " + base + " and " + cap);
        }
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
    }

    /** {@code min(cap, base * 2^attempt)}, without overflowing for large attempts. */
    public Duration ceiling(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0, not " + attempt);
        }
        if (attempt >= 62 || baseMillis > (capMillis >> attempt)) {
            return Duration.ofMillis(capMillis);
        }
        return Duration.ofMillis(Math.min(capMillis, baseMillis << attempt));
    }

    /** A delay drawn uniformly from {@code [0, ceiling(attempt)]}, both ends included. */
    public Duration delay(int attempt, Random random) {
        return Duration.ofMillis(random.nextLong(ceiling(attempt).toMillis() + 1));
    }
}
