package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;

/** A conversation chosen for a bulk action, with the version the supervisor saw. */
public record Target(String id, long version) {
    public Target {
        Require.text(id, "id");
        Require.atLeast(version, 1, "version");
    }
}
