package dev.holdfast.protocol.supervision;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a conversation counts as stale; the panel words it with the duration it carries. */
public enum StaleReason {
    /** No message either way for longer than the idle rule. */
    @JsonProperty("idle") IDLE,
    /** The customer has waited for an answer longer than the waiting rule. */
    @JsonProperty("customer_waiting") CUSTOMER_WAITING,
    /** The assigned agent has been disconnected for longer than the grace rule. */
    @JsonProperty("agent_disconnected") AGENT_DISCONNECTED
}
