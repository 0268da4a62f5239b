package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;
import java.util.List;

/**
 * What a bulk close did: the conversations closed and those skipped with why. The close can be
 * undone with POST /v1/supervisor/close/{batchId}/undo until {@code undoUntil} (platform clock,
 * five minutes after the close).
 */
public record BulkCloseResult(String batchId, long undoUntil, List<String> closed, List<Skipped> skipped) {
    public BulkCloseResult {
        Require.text(batchId, "batchId");
        closed = Require.list(closed);
        skipped = Require.list(skipped);
    }
}
