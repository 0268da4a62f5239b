package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;
import java.util.List;

/**
 * What an undo did: each conversation of the batch reopened to the agent it was closed from (or
 * to the queue when there was none), or skipped (for example, changed again since the close).
 */
public record UndoResult(String batchId, List<String> reopened, List<Skipped> skipped) {
    public UndoResult {
        Require.text(batchId, "batchId");
        reopened = Require.list(reopened);
        skipped = Require.list(skipped);
    }
}
