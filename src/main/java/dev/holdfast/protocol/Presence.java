package dev.holdfast.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An agent's availability for new conversations. */
public enum Presence {
    @JsonProperty("available") AVAILABLE,
    @JsonProperty("away") AWAY,
    @JsonProperty("offline") OFFLINE
}
