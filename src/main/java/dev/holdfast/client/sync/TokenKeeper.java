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

    /** Refreshes over HTTP (blocking: call off the core thread). Throws ApiException when refused. */
    public TokenResponse refresh() {
        String refresh = journal.refreshToken()
                .orElseThrow(() -> new IllegalStateException("no refresh token; sign in again"));
        TokenResponse fresh = api.refresh(refresh);
        adopt(fresh);
        return fresh;
    }

    public void forget() {
        accessToken = null;
        journal.forgetRefreshToken();
    }
}
