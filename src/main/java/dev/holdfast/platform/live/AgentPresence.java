package dev.holdfast.platform.live;

import dev.holdfast.protocol.Presence;

/**
 * An agent's chosen availability and connection history. Owned by the live store's lock.
 */
final class AgentPresence {
    Presence chosen = Presence.AVAILABLE;
    long lastSeenAt;
    /** When the last connection closed; 0 while connected or never connected. */
    long offlineSince;
    /** Last time routing gave them a conversation, to break ties fairly. */
    long lastAssignedAt;
}
