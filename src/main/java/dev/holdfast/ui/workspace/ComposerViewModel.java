package dev.holdfast.ui.workspace;

import dev.holdfast.client.session.AgentSession;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.i18n.Language;
import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;

/**
 * The reply being written. Its text is the draft of the open conversation: saved in the journal
 * shortly after typing stops and whenever another conversation is opened, loaded back when the
 * conversation is opened again (also after a restart or a sign-out).
 *
 * <p>Threading: every field and property is owned by the FX thread.
 */
public final class ComposerViewModel {
    private final AgentSession session;
    private final FxBridge bridge;
    private final Language language;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<String> conversationId = new SimpleObjectProperty<>();
    private final PauseTransition saveSoon = new PauseTransition(Duration.millis(600));
    /** True while the text is being replaced by a loaded draft, which need not be saved back. */
    private boolean loading;

    public ComposerViewModel(AgentSession session, FxBridge bridge, Language language) {
        this.session = session;
        this.bridge = bridge;
        this.language = language;
        saveSoon.setOnFinished(e -> saveDraft(conversationId.get()));
        text.addListener((obs, old, now) -> {
            if (!loading) {
                saveSoon.playFromStart();
            }
        });
        conversationId.addListener((obs, old, id) -> switchTo(old, id));
    }

    private void switchTo(String old, String id) {
        if (old != null && saveSoon.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            saveSoon.stop();
            session.saveDraft(old, text.get());
        }
        setTextQuietly("");
        error.set("");
        if (id != null) {
            bridge.load(() -> session.draft(id).orElse(""), draft -> {
                if (id.equals(conversationId.get()) && text.get().isEmpty()) {
                    setTextQuietly(draft);
                }
            });
        }
    }

    private void setTextQuietly(String value) {
        loading = true;
        try {
            text.set(value);
        } finally {
            loading = false;
        }
    }

    private void saveDraft(String id) {
        if (id != null) {
            session.saveDraft(id, text.get());
        }
    }

    /** Journals the reply (the send queue takes it from there) and empties the box. */
    public void send() {
        String id = conversationId.get();
        String reply = text.get().strip();
        if (id == null || reply.isEmpty()) {
            return;
        }
        saveSoon.stop();
        setTextQuietly("");
        session.saveDraft(id, "");
        bridge.whenDone(session.send(id, reply), (entry, failure) -> {
            if (failure != null) {
                // Not journaled: give the words back rather than lose them.
                if (id.equals(conversationId.get()) && text.get().isEmpty()) {
                    text.set(reply);
                }
                error.set(language.messages().get("composer.error", failure.getMessage()));
            } else {
                error.set("");
            }
        });
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<String> conversationIdProperty() {
        return conversationId;
    }
}
