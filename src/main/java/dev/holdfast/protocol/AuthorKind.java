package dev.holdfast.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who wrote or caused an event. */
public enum AuthorKind {
    @JsonProperty("customer") CUSTOMER,
    @JsonProperty("agent") AGENT,
    @JsonProperty("system") SYSTEM
}
