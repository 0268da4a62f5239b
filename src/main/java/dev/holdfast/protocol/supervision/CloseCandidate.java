package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.Require;

/** A conversation a close would touch, with why (its staleness) and the version to send back to confirm. */
public record CloseCandidate(ConversationSummary conversation, Staleness staleness) {
    public CloseCandidate {
        Require.present(conversation, "conversation");
        Require.present(staleness, "staleness");
    }
}
