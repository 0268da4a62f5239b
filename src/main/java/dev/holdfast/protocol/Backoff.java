package dev.holdfast.protocol;

import java.time.Duration;
import java.util.Random;

/**
 * The protocol's reconnect policy, full-jitter exponential backoff: the n-th consecutive retry
 * (n from 0) waits a uniformly random time in {@code [0, min(cap, base * 2^n)]}, so that many
 * clients dropped at once do not all come back at once. Agents' desks and simulated customers
 * use the same one (protocol.md, heartbeats and reconnection).
 */
public final class Backoff {
    public static final Duration DEFAULT_BASE = Duration.ofMillis(250);
    public static final Duration DEFAULT_CAP = Duration.ofSeconds(30);
    public static final Backoff DEFAULT = new Backoff(DEFAULT_BASE, DEFAULT_CAP);

    private final long baseMillis;
    private final long capMillis;

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
            throw new IllegalArgumentException("attempt must be >= 0");
        }
        if (attempt >= 62 || baseMillis > (capMillis >> attempt)) {
            return Duration.ofMillis(capMillis);
        }
        return Duration.ofMillis(Math.min(capMillis, baseMillis << attempt));
    }

    /** A delay drawn uniformly from {@code [0, ceiling(attempt)]}. */
    public Duration delay(int attempt, Random random) {
        return Duration.ofMillis(random.nextLong(ceiling(attempt).toMillis() + 1));
    }
}
