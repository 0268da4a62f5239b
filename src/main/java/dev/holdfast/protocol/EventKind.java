package dev.holdfast.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What happened in a conversation. Every kind but MESSAGE changes the conversation's version. */
public enum EventKind {
    /** The customer opened the conversation; carries the customer's details. */
    @JsonProperty("opened") OPENED,
    @JsonProperty("message") MESSAGE,
    /** Assigned to {@code assignee} by routing, by taking it from the queue or by a supervisor. */
    @JsonProperty("assigned") ASSIGNED,
    /** Moved from one agent to {@code assignee}. */
    @JsonProperty("transferred") TRANSFERRED,
    /** Put back in the queue (for instance when its agent went offline for good). */
    @JsonProperty("queued") QUEUED,
    @JsonProperty("closed") CLOSED,
    @JsonProperty("reopened") REOPENED,
    /** The platform lost its live state and the conversation was restored from the agents' copies. */
    @JsonProperty("restored") RESTORED;

    public boolean changesState() {
        return this != MESSAGE;
    }
}
