package dev.holdfast.platform.auth;

import dev.holdfast.protocol.ProtocolException;
import java.time.Clock;
import java.util.Objects;

/**
 * Slows password guessing. Per account: 5 failures within 15 minutes lock it for 30 s; after
 * that each further failure locks it again for twice as long, up to 15 minutes. Per address: 20
 * failures within 15 minutes lock it for 60 s, doubling likewise. A key is forgotten 15 minutes
 * after its last failure or the end of its last lock, whichever is later. Unknown user names count like real ones, so that locking does
 * not reveal which exist. A success clears only the account's failures: clearing the address's
 * would let one valid account reset the count for guesses at all the others.
 */
public final class LoginRateLimiter {
    static final int DEFAULT_MAX_KEYS = 100_000;
    private static final String UNKNOWN_ADDRESS = "unknown";

    private final Clock clock;
    private final FailureTracker accounts;
    private final FailureTracker addresses;

    public LoginRateLimiter(Clock clock) {
        this(clock, DEFAULT_MAX_KEYS);
    }

    LoginRateLimiter(Clock clock, int maxKeys) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.accounts = new FailureTracker(LockoutPolicy.PER_ACCOUNT, maxKeys);
        this.addresses = new FailureTracker(LockoutPolicy.PER_ADDRESS, maxKeys);
    }

    /** Throws RATE_LIMITED, with the time until the later of the two locks ends, while either is locked. */
    public void check(String username, String address) {
        long now = clock.millis();
        long accountWait = accounts.lockedFor(accountKey(username), now);
        long addressWait = addresses.lockedFor(addressKey(address), now);
        if (accountWait == 0 && addressWait == 0) {
            return;
        }
        long wait = Math.max(accountWait, addressWait);
        String which = accountWait >= addressWait ? "for this account" : "from this address";
        throw ProtocolException.rateLimited(
                "too many failed sign-ins " + which + "; try again in " + ceilSeconds(wait) + " s", wait);
    }

    public void failed(String username, String address) {
        long now = clock.millis();
        accounts.failed(accountKey(username), now);
        addresses.failed(addressKey(address), now);
    }

    public void succeeded(String username, String address) {
        accounts.clear(accountKey(username));
    }

    int trackedAccounts() {
        return accounts.size();
    }

    int trackedAddresses() {
        return addresses.size();
    }

    private static String accountKey(String username) {
        return username == null ? "" : AccountDirectory.normalize(username);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? UNKNOWN_ADDRESS : address;
    }

    private static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }
}
