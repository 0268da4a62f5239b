package dev.holdfast.protocol.supervision;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a bulk action left a conversation alone. */
public enum SkipReason {
    /** Its version moved on since the preview (a message, a transfer, a close...). */
    @JsonProperty("changed") CHANGED,
    /** Its agent is handling it (typing, sending, or holding unsent messages). */
    @JsonProperty("active_handling") ACTIVE_HANDLING,
    /** It is no longer open or queued (or, for an undo, no longer closed). */
    @JsonProperty("not_open") NOT_OPEN,
    /** The platform does not know it (for example, after a wipe). */
    @JsonProperty("not_found") NOT_FOUND,
    /** No available agent had room for it (bulk reassign). */
    @JsonProperty("no_agent_available") NO_AGENT_AVAILABLE
}
