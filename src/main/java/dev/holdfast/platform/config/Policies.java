package dev.holdfast.platform.config;

import java.time.Duration;

/**
 * The platform's tunable limits and timings. Every value must be positive.
 *
 * @param agentCapacity         open conversations an agent holds at once, unless the account says otherwise
 * @param restoreGraceSeconds   how long a conversation lost in a wipe waits for an agent's restore
 * @param replayWindow          most events replayed on reconnect before the client must take a snapshot
 * @param sessionTtlSeconds     how long a session outlives its last socket
 * @param offlineRequeueSeconds how long an agent may be offline before their conversations go back to the queue
 * @param accessTokenSeconds    lifetime of an access token
 * @param refreshTokenDays      lifetime of a refresh token (renewed by every refresh)
 * @param customerTokenHours    lifetime of a customer's token
 * @param staleness             when a conversation counts as stale, for supervisors and the automatic policies
 * @param automatic             what the platform does on its own (every timer off unless configured)
 */
public record Policies(int agentCapacity, int restoreGraceSeconds, int replayWindow, int sessionTtlSeconds,
                       int offlineRequeueSeconds, int accessTokenSeconds, int refreshTokenDays,
                       int customerTokenHours, StalenessPolicy staleness, Automatic automatic) {

    public Policies {
        staleness = staleness == null ? StalenessPolicy.defaults() : staleness;
        automatic = automatic == null ? Automatic.off() : automatic;
        positive("agentCapacity", agentCapacity);
        positive("restoreGraceSeconds", restoreGraceSeconds);
        positive("replayWindow", replayWindow);
        positive("sessionTtlSeconds", sessionTtlSeconds);
        positive("offlineRequeueSeconds", offlineRequeueSeconds);
        positive("accessTokenSeconds", accessTokenSeconds);
        positive("refreshTokenDays", refreshTokenDays);
        positive("customerTokenHours", customerTokenHours);
    }

    /** The default staleness rules, and no automatic policy. */
    public Policies(int agentCapacity, int restoreGraceSeconds, int replayWindow, int sessionTtlSeconds,
                    int offlineRequeueSeconds, int accessTokenSeconds, int refreshTokenDays, int customerTokenHours) {
        this(agentCapacity, restoreGraceSeconds, replayWindow, sessionTtlSeconds, offlineRequeueSeconds,
                accessTokenSeconds, refreshTokenDays, customerTokenHours, null, null);
    }

    public Policies withStaleness(StalenessPolicy newStaleness) {
        return new Policies(agentCapacity, restoreGraceSeconds, replayWindow, sessionTtlSeconds, offlineRequeueSeconds,
                accessTokenSeconds, refreshTokenDays, customerTokenHours, newStaleness, automatic);
    }

    public Policies withAutomatic(Automatic newAutomatic) {
        return new Policies(agentCapacity, restoreGraceSeconds, replayWindow, sessionTtlSeconds, offlineRequeueSeconds,
                accessTokenSeconds, refreshTokenDays, customerTokenHours, staleness, newAutomatic);
    }

    public static Policies defaults() {
        return new Policies(5, 60, 1000, 120, 300, 900, 30, 24);
    }

    public Duration accessTokenTtl() {
        return Duration.ofSeconds(accessTokenSeconds);
    }

    public Duration refreshTokenTtl() {
        return Duration.ofDays(refreshTokenDays);
    }

    public Duration customerTokenTtl() {
        return Duration.ofHours(customerTokenHours);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("policies." + name + " must be positive, got " + value);
        }
    }
}
