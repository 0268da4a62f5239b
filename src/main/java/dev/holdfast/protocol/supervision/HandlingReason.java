package dev.holdfast.protocol.supervision;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a conversation is under active handling, and so never stale and never closed by a supervisor or a policy. */
public enum HandlingReason {
    /** Its agent is connected and typed in it recently (within the handling rule). */
    @JsonProperty("typing") TYPING,
    /** Its agent is connected and sent in it recently (within the handling rule). */
    @JsonProperty("sent") SENT,
    /** Its agent's panel reports messages for it not yet sent. */
    @JsonProperty("unsent") UNSENT
}
