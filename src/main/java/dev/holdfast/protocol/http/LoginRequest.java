package dev.holdfast.protocol.http;

import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.Require;

/** POST /v1/auth/login */
public record LoginRequest(String username, String password, String deviceId) {
    public LoginRequest {
        Require.text(username, "username", 100);
        Require.present(password, "password");
        Require.text(deviceId, "deviceId", Limits.MAX_ID_CHARS);
    }

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", deviceId=" + deviceId + "]";
    }
}
