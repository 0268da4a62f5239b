package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;

/** A conversation a bulk reassign moved, and to whom. */
public record Moved(String id, String toAgent) {
    public Moved {
        Require.text(id, "id");
        Require.text(toAgent, "toAgent");
    }
}
