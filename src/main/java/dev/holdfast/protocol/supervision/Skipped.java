package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;

/** A conversation a bulk action did not touch, and why. */
public record Skipped(String id, SkipReason reason) {
    public Skipped {
        Require.text(id, "id");
        Require.present(reason, "reason");
    }
}
