package dev.holdfast.ui.shell;

import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.ui.i18n.Language;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * What the agent missed while the window was not focused: conversations newly assigned to them
 * and customer messages, counted from the moment focus was lost and forgotten when it comes back.
 * The count goes at the end of the window title ("Holdfast — agent1 (3)", which the taskbar
 * shows; the title still starts with "Holdfast") and the latest one into a toast in the corner;
 * nothing pulls the window to the front, which would take the keyboard from whatever the agent is
 * typing elsewhere.
 *
 * <p>Threading: FX thread only; {@code focused} is the stage's focus (a plain property in tests).
 */
public final class UnreadNotifier {
    private final ObservableBooleanValue focused;
    private final Language language;
    private final String user;
    private final Set<String> assignedToMe = new HashSet<>();
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper toast = new ReadOnlyStringWrapper("");

    public UnreadNotifier(ObservableBooleanValue focused, Language language, String user) {
        this.focused = focused;
        this.language = language;
        this.user = user;
        focused.addListener((obs, was, now) -> {
            if (now) {
                unread.set(0);
                toast.set("");
            }
        });
    }

    public void apply(List<SessionUpdate> batch) {
        for (SessionUpdate u : batch) {
            if (u instanceof SessionUpdate.ConversationChanged c) {
                conversation(c.conversation());
            } else if (u instanceof SessionUpdate.EventsApplied e) {
                for (ConversationEvent event : e.events()) {
                    if (event.isMessage() && event.author().kind() == AuthorKind.CUSTOMER) {
                        missed(language.messages().get("notify.message", event.author().name()));
                    }
                }
            }
        }
    }

    /** Counts a conversation once, when it becomes the agent's; later changes of it are not news. */
    private void conversation(ConversationSummary summary) {
        boolean mine = user.equals(summary.assignee()) && summary.status() == ConversationStatus.ASSIGNED;
        if (!mine) {
            assignedToMe.remove(summary.id());
        } else if (assignedToMe.add(summary.id())) {
            missed(language.messages().get("notify.assigned", summary.customer().name()));
        }
    }

    private void missed(String what) {
        if (!focused.get()) {
            unread.set(unread.get() + 1);
            toast.set(what);
        }
    }

    /** "Holdfast — agent1", or "Holdfast — agent1 (3)" while something was missed. */
    public StringBinding title() {
        return Bindings.createStringBinding(() -> {
            String title = language.messages().get("app.title.user", user);
            return unread.get() == 0 ? title : language.messages().get("notify.title", unread.get(), title);
        }, unread, language.messagesProperty());
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    /** The latest thing missed, "" when there is nothing to show. */
    public ReadOnlyStringProperty toastProperty() {
        return toast.getReadOnlyProperty();
    }
}
