package dev.holdfast.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a conversation stands. */
public enum ConversationStatus {
    /** Waiting for an agent. */
    @JsonProperty("queued") QUEUED,
    @JsonProperty("assigned") ASSIGNED,
    @JsonProperty("closed") CLOSED,
    /** Recreated after a wipe by a customer's message; waiting for its agent to restore it. */
    @JsonProperty("awaiting_restore") AWAITING_RESTORE
}
