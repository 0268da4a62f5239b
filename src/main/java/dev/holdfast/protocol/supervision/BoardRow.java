package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.Require;

/**
 * One open or queued conversation on the supervisor's board.
 *
 * @param conversation   its summary (status, assignee, version, customer, waitingSince, lastActivityAt/By)
 * @param team           the assignee's first team; null while queued (routing does not go by team)
 * @param lastActivityUser who made the last activity: an agent's user id, or null when it was the customer or the system
 * @param staleness      the platform's judgement now
 */
public record BoardRow(ConversationSummary conversation, String team, String lastActivityUser, Staleness staleness) {
    public BoardRow {
        Require.present(conversation, "conversation");
        Require.present(staleness, "staleness");
    }
}
