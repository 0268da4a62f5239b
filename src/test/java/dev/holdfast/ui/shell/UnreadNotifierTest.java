package dev.holdfast.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.ui.i18n.Language;
import dev.holdfast.ui.i18n.Messages;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** Focus is a plain property here: the notifier only reads it. */
class UnreadNotifierTest {
    private final SimpleBooleanProperty focused = new SimpleBooleanProperty(true);
    private final Language language = new Language(Messages.forLanguage("en"));
    private final UnreadNotifier notifier = new UnreadNotifier(focused, language, "agent1");

    @Test
    void countsWhatArrivesWhileUnfocusedAndForgetsItOnFocus() {
        var title = notifier.title();
        notifier.apply(List.of(assigned("c1", "María"), message("c1", 2, "María")));
        assertThat(notifier.unreadProperty().get()).isZero();
        assertThat(title.get()).isEqualTo("Holdfast — agent1");

        focused.set(false);
        notifier.apply(List.of(assigned("c2", "John"), message("c1", 3, "María"), message("c2", 2, "John")));
        assertThat(notifier.unreadProperty().get()).isEqualTo(3);
        assertThat(title.get()).isEqualTo("Holdfast — agent1 (3)");
        assertThat(notifier.toastProperty().get()).isEqualTo("New message from John");

        focused.set(true);
        assertThat(notifier.unreadProperty().get()).isZero();
        assertThat(title.get()).isEqualTo("Holdfast — agent1");
        assertThat(notifier.toastProperty().get()).isEmpty();
    }

    @Test
    void aConversationIsNewsOnceAndAgentLinesAreNot() {
        focused.set(false);
        notifier.apply(List.of(assigned("c1", "María"), assigned("c1", "María"), agentLine("c1", 2)));
        assertThat(notifier.unreadProperty().get()).isEqualTo(1);
        assertThat(notifier.toastProperty().get()).isEqualTo("New conversation: María");
    }

    @Test
    void theTitleFollowsTheLanguage() {
        focused.set(false);
        notifier.apply(List.of(assigned("c1", "María")));
        language.use("es");
        assertThat(notifier.title().get()).isEqualTo("Holdfast — agent1 (1)");
        notifier.apply(List.of(message("c1", 2, "María")));
        assertThat(notifier.toastProperty().get()).isEqualTo("Mensaje nuevo de María");
    }

    private static SessionUpdate assigned(String id, String customer) {
        return new SessionUpdate.ConversationChanged(new ConversationSummary(id, ConversationStatus.ASSIGNED, "agent1",
                2, 1, 1, new CustomerInfo("cu-" + id, customer, "es", "web", List.of()), 0, 0, AuthorKind.CUSTOMER,
                null, false));
    }

    private static SessionUpdate message(String id, long seq, String customer) {
        return new SessionUpdate.EventsApplied(id, List.of(new ConversationEvent(id + "-" + seq, id, seq,
                EventKind.MESSAGE, 0, new Author(AuthorKind.CUSTOMER, "cu-" + id, customer), "hola", null, null, null,
                null, null, null)));
    }

    private static SessionUpdate agentLine(String id, long seq) {
        return new SessionUpdate.EventsApplied(id, List.of(new ConversationEvent(id + "-" + seq, id, seq,
                EventKind.MESSAGE, 0, new Author(AuthorKind.AGENT, "agent1", "agent1"), "hi", null, null, null,
                null, null, null)));
    }
}
