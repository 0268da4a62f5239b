package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;
import java.util.List;

/**
 * POST /v1/supervisor/close/preview: a dry run. With {@code conversationIds} empty, every stale
 * conversation (narrowed by {@code team} and {@code agent} when given); otherwise those
 * conversations, each judged. Nothing changes.
 */
public record ClosePreviewRequest(List<String> conversationIds, String team, String agent) {
    public ClosePreviewRequest {
        conversationIds = Require.list(conversationIds);
    }
}
