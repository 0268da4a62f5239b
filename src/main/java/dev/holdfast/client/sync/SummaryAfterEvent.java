package dev.holdfast.client.sync;

import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.EventKind;

/**
 * A summary moved on by one event, the way the platform derives it: a state event changes status,
 * assignee and version; every event moves the last activity. The journal keeps the summary of the
 * last action or snapshot; the platform tells a former assignee of a close or transfer by the
 * event alone. Without this a conversation closed or transferred by someone else would stay on
 * the agent's Mine tab, with a version that no longer holds.
 */
public final class SummaryAfterEvent {
    private SummaryAfterEvent() {
    }

    public static ConversationSummary apply(ConversationSummary s, ConversationEvent e) {
        if (e.seq() <= s.lastSeq()) {
            return s; // already part of this summary
        }
        ConversationStatus status = s.status();
        String assignee = s.assignee();
        switch (e.kind()) {
            case ASSIGNED, TRANSFERRED, REOPENED -> {
                status = ConversationStatus.ASSIGNED;
                assignee = e.assignee();
            }
            case QUEUED -> {
                status = ConversationStatus.QUEUED;
                assignee = null;
            }
            case CLOSED -> status = ConversationStatus.CLOSED;
            default -> {
                // messages, openings and restores leave the state as it is
            }
        }
        long version = s.version() + (e.kind().changesState() ? 1 : 0);
        boolean newest = e.at() >= s.lastActivityAt();
        return new ConversationSummary(s.id(), status, assignee, version, s.firstSeq(), e.seq(), s.customer(),
                s.createdAt(), newest ? e.at() : s.lastActivityAt(), newest ? e.author().kind() : s.lastActivityBy(),
                status == ConversationStatus.CLOSED ? null : s.waitingSince(),
                s.restored() || e.kind() == EventKind.RESTORED);
    }
}
