package dev.holdfast.protocol.supervision;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An agent's connection as the platform sees it. */
public enum ConnectionHealth {
    /** A socket is open and heartbeats arrive. */
    @JsonProperty("live") LIVE,
    /** No socket now, but the session is kept for its reconnect (within the session's lifetime). */
    @JsonProperty("reconnecting") RECONNECTING,
    /** Signed off or gone longer than the session lasts. */
    @JsonProperty("offline") OFFLINE
}
