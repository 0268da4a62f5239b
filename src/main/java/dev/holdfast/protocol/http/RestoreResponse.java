package dev.holdfast.protocol.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.Require;
import java.util.List;

/** Answer to restore: one result per uploaded conversation, in upload order. */
public record RestoreResponse(String epoch, List<Result> results) {
    public RestoreResponse {
        results = Require.list(results);
    }

    public enum Outcome {
        /** The platform did not have it; it does now. */
        @JsonProperty("restored") RESTORED,
        /** The platform had it (from another agent or a customer); missing events were merged. */
        @JsonProperty("merged") MERGED,
        /** The platform already had every uploaded event. */
        @JsonProperty("unchanged") UNCHANGED,
        /** Nothing could be restored: no valid receipt, or not the caller's conversation. */
        @JsonProperty("rejected") REJECTED
    }

    /**
     * {@code accepted} counts uploaded events the platform now holds (new or already there);
     * {@code rejected} lists the others with the reason; {@code conversation} is the state after
     * the merge (null when rejected as a whole).
     */
    public record Result(String conversationId, Outcome outcome, int accepted, List<Rejected> rejected,
                         ConversationSummary conversation) {
        public Result {
            Require.text(conversationId, "conversationId");
            Require.present(outcome, "outcome");
            rejected = Require.list(rejected);
        }
    }

    public record Rejected(String eventId, long seq, String reason) {
    }
}
