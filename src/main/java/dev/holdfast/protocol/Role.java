package dev.holdfast.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an account may do. */
public enum Role {
    @JsonProperty("agent") AGENT,
    @JsonProperty("supervisor") SUPERVISOR,
    @JsonProperty("admin") ADMIN;

    /** Supervisors and admins may see and act on every conversation. */
    public boolean oversees() {
        return this != AGENT;
    }
}
