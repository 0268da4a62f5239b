package dev.holdfast.platform.auth;

import java.util.OptionalLong;

/**
 * What the platform remembers about refresh-token families so that rotation can detect reuse.
 * A family is every refresh token descended from one sign-in; only its current generation may
 * be spent, and once revoked none of it may. Times are epoch milliseconds. Implementations are
 * thread-safe and {@link #advance} is atomic.
 */
public interface RefreshLedger {

    /**
     * Records a new family at {@code generation}, kept until {@code expiresAt}. Returns false and
     * changes nothing if the family is already known.
     */
    boolean start(String family, long generation, long expiresAt);

    /** The family's current generation, or empty if unknown (never started, or forgotten). */
    OptionalLong generation(String family);

    /**
     * Moves the family from {@code expected} to {@code next} and keeps it at least until
     * {@code expiresAt}, if it is known, not revoked and still at {@code expected}; returns
     * whether it did. Of two concurrent callers with the same {@code expected} at most one wins.
     */
    boolean advance(String family, long expected, long next, long expiresAt);

    /** Revokes the family for good. An unknown family is recorded as revoked, so that it stays refused. */
    void revoke(String family, long expiresAt);

    boolean isRevoked(String family);

    /**
     * Forgets families whose tokens have all expired by {@code now}; returns how many. Their
     * tokens are refused for being expired anyway, so nothing is lost.
     */
    int forgetExpired(long now);
}
