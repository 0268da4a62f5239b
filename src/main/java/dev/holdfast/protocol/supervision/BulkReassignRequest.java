package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;
import java.util.List;

/**
 * POST /v1/supervisor/reassign: move the open conversations of {@code fromAgent} (typically
 * offline) to available agents with room, least loaded first; {@code toAgents} narrows the choice
 * when not empty. Conversations under active handling are skipped.
 */
public record BulkReassignRequest(String fromAgent, List<String> toAgents, String reason) {
    public BulkReassignRequest {
        Require.text(fromAgent, "fromAgent");
        toAgents = Require.list(toAgents);
        Require.text(reason, "reason", 500);
    }
}
