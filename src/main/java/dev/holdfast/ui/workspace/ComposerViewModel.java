package dev.holdfast.ui.workspace;

import dev.holdfast.client.session.AgentSession;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.ui.i18n.Language;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import dev.holdfast.ui.i18n.Messages;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;

/**
 * The reply being written. Its text is the draft of the open conversation: saved in the journal
 * shortly after typing stops and whenever another conversation is opened, loaded back when the
 * conversation is opened again (also after a restart or a sign-out). Typing tells the customer
 * "the agent is typing" through {@link TypingSignal}; a reply that starts with "/" lists the
 * canned responses matching what follows, in the customer's language when it is one the panel
 * speaks, else in the panel's.
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
    /** The open conversation's status (null when none is open); a reply needs it assigned. */
    private final ObjectProperty<ConversationStatus> status = new SimpleObjectProperty<>();
    /** Why no reply can be written now, in words; empty when one can. */
    private final StringBinding notice;
    private final PauseTransition saveSoon = new PauseTransition(Duration.millis(600));
    private final TypingSignal typing;
    /** The canned responses matching the "/query" the reply starts with; empty when none is asked for. */
    private final ObservableList<CannedResponse> suggestions = FXCollections.observableArrayList();
    /** The canned responses for the open conversation's language (none until loaded). */
    private CannedResponses canned = new CannedResponses(List.of());
    /** True while the text is being replaced by a loaded draft, which need not be saved back. */
    private boolean loading;
    /** Esc closed the list: it stays closed until the reply no longer starts with "/". */
    private boolean suggestionsDismissed;

    public ComposerViewModel(AgentSession session, FxBridge bridge, Language language, TypingSignal typing) {
        this.session = session;
        this.bridge = bridge;
        this.language = language;
        this.typing = typing;
        saveSoon.setOnFinished(e -> saveDraft(conversationId.get()));
        text.addListener((obs, old, now) -> {
            if (!loading) {
                saveSoon.playFromStart();
                typed(now);
            }
            suggest(now);
        });
        conversationId.addListener((obs, old, id) -> switchTo(old, id));
        notice = Bindings.createStringBinding(() -> {
            ConversationStatus now = status.get();
            if (now == ConversationStatus.CLOSED) {
                return language.messages().get("composer.closed");
            }
            return now == ConversationStatus.QUEUED ? language.messages().get("composer.queued") : "";
        }, status, language.messagesProperty());
    }

    private void typed(String now) {
        String id = conversationId.get();
        if (id != null && !now.isEmpty()) {
            typing.typed(id);
        } else {
            typing.stop();
        }
    }

    private void suggest(String now) {
        String query = cannedQuery(now);
        if (query == null) {
            suggestionsDismissed = false;
        }
        if (query == null || suggestionsDismissed) {
            suggestions.clear();
        } else {
            suggestions.setAll(canned.matching(query));
        }
    }

    /** What follows a leading "/" on a single short line, or null when the reply is not a "/query". */
    static String cannedQuery(String text) {
        if (!text.startsWith("/") || text.indexOf('\n') >= 0 || text.length() > 60) {
            return null;
        }
        return text.substring(1);
    }

    /** Puts the canned response's words in place of the "/query". */
    public void insert(CannedResponse response) {
        text.set(response.text());
    }

    /** Esc: closes the list of canned responses. */
    public void dismissSuggestions() {
        suggestionsDismissed = true;
        suggestions.clear();
    }

    private void switchTo(String old, String id) {
        typing.stop();
        if (old != null && saveSoon.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            saveSoon.stop();
            session.saveDraft(old, text.get());
        }
        setTextQuietly("");
        error.set("");
        if (id != null) {
            String panelLanguage = language.code();
            bridge.load(() -> CannedResponses.load(languageOf(id, panelLanguage), session.dataDirectory()), loaded -> {
                if (id.equals(conversationId.get())) {
                    canned = loaded;
                    suggest(text.get());
                }
            });
            bridge.load(() -> session.draft(id).orElse(""), draft -> {
                if (id.equals(conversationId.get()) && text.get().isEmpty()) {
                    setTextQuietly(draft);
                }
            });
        }
    }

    /** The customer's language if the panel speaks it, else the panel's. A journal read: background only. */
    private String languageOf(String conversationId, String panelLanguage) {
        String customer = session.journal().flatMap(j -> j.conversation(conversationId))
                .map(c -> c.customer() == null ? null : c.customer().language()).orElse(null);
        if (customer != null) {
            String code = customer.toLowerCase(java.util.Locale.ROOT).split("[-_]")[0];
            if (Messages.LANGUAGES.contains(code)) {
                return code;
            }
        }
        return panelLanguage;
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
        if (id == null || reply.isEmpty() || !notice.get().isEmpty()) {
            return;
        }
        saveSoon.stop();
        typing.stop();
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

    public ObjectProperty<ConversationStatus> statusProperty() {
        return status;
    }

    /** Why no reply can be written now (a closed or queued conversation), in words; empty when one can. */
    public StringExpression noticeProperty() {
        return notice;
    }

    /** True when a conversation is open and a reply can be sent in it. */
    public BooleanExpression canReply() {
        return conversationId.isNotNull().and(notice.isEmpty());
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The workspace is going away (signed out): no "stopped typing" timer may outlive it. */
    public void dispose() {
        typing.stop();
    }

    public ObservableList<CannedResponse> suggestions() {
        return suggestions;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<String> conversationIdProperty() {
        return conversationId;
    }
}
