package dev.holdfast.platform.auth;

import dev.holdfast.protocol.Role;

/** What a valid access token says. {@code expiresAt} is epoch milliseconds. */
public record AccessClaims(String userId, Role role, String deviceId, long expiresAt) {
}
