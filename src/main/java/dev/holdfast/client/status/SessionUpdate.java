package dev.holdfast.client.status;

import dev.holdfast.client.common.Problem;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationSummary;
import java.util.List;

/** Typed changes the session publishes, in the order they happened, from the core thread. */
public sealed interface SessionUpdate {

    record StatusChanged(SessionStatus status) implements SessionUpdate {
    }

    record ConversationChanged(ConversationSummary conversation) implements SessionUpdate {
    }

    /** Events now in the journal (received live, replayed, backfilled or restored). */
    record EventsApplied(String conversationId, List<ConversationEvent> events) implements SessionUpdate {
    }

    record DeliveryChanged(OutboxEntry entry) implements SessionUpdate {
    }

    record TypingChanged(String conversationId, Author author, boolean active) implements SessionUpdate {
    }

    record RecoveryStarted(String oldEpoch, String newEpoch, int total) implements SessionUpdate {
    }

    record RecoveryProgress(int done, int total) implements SessionUpdate {
    }

    record RecoveryFinished(String oldEpoch, String newEpoch, int restored, int rejectedEvents, long millis)
            implements SessionUpdate {
    }

    record ProblemRaised(Problem problem) implements SessionUpdate {
    }
}
