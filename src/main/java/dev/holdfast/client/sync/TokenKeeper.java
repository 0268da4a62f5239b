package dev.holdfast.client.sync;

import dev.holdfast.client.api.PlatformApi;
import dev.holdfast.client.journal.Journal;
import dev.holdfast.protocol.http.TokenResponse;

/**
 * Holds the access token in memory and the refresh token in the journal. A rotated refresh
 * token is written to the journal before the new access token is used, so that a crash can
 * never leave the desk holding only a spent token.
 */
public final class TokenKeeper {
    private final PlatformApi api;
    private final Journal journal;
    /** Written by the core thread and the IO thread that refreshes; read by both. */
    private volatile String accessToken;
    /** Held for the whole of a refresh, so that refreshes never overlap. */
    private final Object refreshLock = new Object();

    public TokenKeeper(PlatformApi api, Journal journal) {
        this.api = api;
        this.journal = journal;
    }

    public void adopt(TokenResponse tokens) {
        journal.saveRefreshToken(tokens.refreshToken());
        accessToken = tokens.accessToken();
    }

    public String accessToken() {
        return accessToken;
    }

    public boolean hasRefreshToken() {
        return journal.refreshToken().isPresent();
    }

    /**
     * Refreshes over HTTP (blocking: call off the core thread). Throws ApiException when refused.
     * One refresh at a time: refresh tokens are good for one use, and two refreshes presenting the
     * same one look like theft to the platform, which revokes the family (protocol.md §4.2).
     */
    public TokenResponse refresh() {
        synchronized (refreshLock) {
            String refresh = journal.refreshToken()
                    .orElseThrow(() -> new IllegalStateException("no refresh token; sign in again"));
            TokenResponse fresh = api.refresh(refresh);
            adopt(fresh);
            return fresh;
        }
    }

    /**
     * For a call that the platform refused with {@code refused} as expired: refreshes, unless
     * another thread already replaced that token meanwhile, and returns the access token to retry
     * with. Blocking; throws ApiException when the refresh is refused.
     */
    public String refreshUnlessReplaced(String refused) {
        synchronized (refreshLock) {
            String current = accessToken;
            if (current != null && !current.equals(refused)) {
                return current;
            }
            return refresh().accessToken();
        }
    }

    public void forget() {
        accessToken = null;
        journal.forgetRefreshToken();
    }
}
