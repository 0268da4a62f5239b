package dev.holdfast.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row follows state events it has not seen, the way the platform derives them, and only once. */
class SummaryAfterEventTest {
    private final ConversationSummary held = new ConversationSummary("c-1", ConversationStatus.ASSIGNED, "agent1",
            2, 1, 3, new CustomerInfo("cust-c-1", "Ana", "es", "web", List.of()), 100, 200, null, 50L, false);

    @Test
    void aTransferOrCloseMovesStatusAssigneeAndVersion() {
        ConversationSummary transferred = SummaryAfterEvent.apply(held, event(4, EventKind.TRANSFERRED, "agent2"));
        assertThat(transferred.assignee()).isEqualTo("agent2");
        assertThat(transferred.status()).isEqualTo(ConversationStatus.ASSIGNED);
        assertThat(transferred.version()).isEqualTo(3);
        assertThat(transferred.lastSeq()).isEqualTo(4);

        ConversationSummary closed = SummaryAfterEvent.apply(transferred, event(5, EventKind.CLOSED, null));
        assertThat(closed.status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(closed.version()).isEqualTo(4);
        assertThat(closed.waitingSince()).isNull();
        assertThat(closed.lastActivityAt()).isEqualTo(5_000);
    }

    @Test
    void anEventAlreadyInTheSummaryChangesNothing() {
        assertThat(SummaryAfterEvent.apply(held, event(3, EventKind.CLOSED, null))).isSameAs(held);
    }

    @Test
    void aMessageMovesActivityButNotTheVersion() {
        ConversationSummary after = SummaryAfterEvent.apply(held, event(4, EventKind.MESSAGE, null));
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.status()).isEqualTo(ConversationStatus.ASSIGNED);
        assertThat(after.lastActivityAt()).isEqualTo(4_000);
    }

    private static ConversationEvent event(long seq, EventKind kind, String assignee) {
        return new ConversationEvent("e-" + seq, "c-1", seq, kind, seq * 1000, new Author(AuthorKind.AGENT, "x", "X"),
                kind == EventKind.MESSAGE ? "hi" : null, null, null, assignee, null, null, null);
    }
}
