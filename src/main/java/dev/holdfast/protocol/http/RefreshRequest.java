package dev.holdfast.protocol.http;

import dev.holdfast.protocol.Require;

/** POST /v1/auth/refresh and POST /v1/auth/logout */
public record RefreshRequest(String refreshToken) {
    public RefreshRequest {
        Require.text(refreshToken, "refreshToken", 4096);
    }

    @Override
    public String toString() {
        return "RefreshRequest[***]";
    }
}
