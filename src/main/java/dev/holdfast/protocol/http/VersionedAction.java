package dev.holdfast.protocol.http;

import dev.holdfast.protocol.Require;

/**
 * Body of accept, transfer, reassign, close and reopen. {@code version} is the conversation
 * version the user saw; {@code toAgent} names the target user id for transfer and reassign;
 * {@code reason} is required for close.
 */
public record VersionedAction(long version, String toAgent, String reason) {
    public VersionedAction {
        Require.atLeast(version, 1, "version");
        if (reason != null && reason.length() > 500) {
            throw new IllegalArgumentException("reason is longer than 500 characters");
        }
    }
}
