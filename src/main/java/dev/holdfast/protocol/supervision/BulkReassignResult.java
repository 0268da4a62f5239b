package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;
import java.util.List;

/** What a bulk reassign did. */
public record BulkReassignResult(List<Moved> moved, List<Skipped> skipped) {
    public BulkReassignResult {
        moved = Require.list(moved);
        skipped = Require.list(skipped);
    }
}
