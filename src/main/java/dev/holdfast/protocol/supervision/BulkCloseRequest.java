package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;
import java.util.List;

/**
 * POST /v1/supervisor/close: close the chosen conversations. The platform re-checks each one at
 * execution (its version, and active handling) and skips, with the reason, any that changed.
 *
 * @param conversations the chosen ones, each with the version shown in the preview (at most 1,000)
 * @param reason        recorded on each close and in the audit log (required, at most 500 characters)
 * @param farewell      an optional last message to each customer, sent by the supervisor before the close
 */
public record BulkCloseRequest(List<Target> conversations, String reason, String farewell) {
    public BulkCloseRequest {
        conversations = Require.list(conversations);
        if (conversations.isEmpty() || conversations.size() > 1000) {
            throw new IllegalArgumentException("conversations must hold 1 to 1000 entries");
        }
        Require.text(reason, "reason", 500);
        if (farewell != null && farewell.length() > 4000) {
            throw new IllegalArgumentException("farewell is longer than 4000 characters");
        }
    }
}
