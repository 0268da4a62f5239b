package dev.holdfast.protocol.supervision;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an audit entry records. */
public enum AuditAction {
    @JsonProperty("close") CLOSE,
    @JsonProperty("reopen") REOPEN,
    @JsonProperty("reassign") REASSIGN,
    /** An agent (or a supervisor) handed a conversation to another agent. */
    @JsonProperty("transfer") TRANSFER,
    /** A policy warned a silent customer that the conversation will close. */
    @JsonProperty("warn") WARN,
    /** A policy signed off an inactive agent. */
    @JsonProperty("sign_off") SIGN_OFF
}
