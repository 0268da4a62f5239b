package dev.holdfast.ui.login;

import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.i18n.Language;
import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The soft sign-out: when the platform wants the password again the dialog is shown over the
 * workspace, which stays as it is; signing in again with the same user resumes the same session
 * (same journal, same outbox), so nothing is lost.
 *
 * <p>Threading: every property and field is owned by the FX thread.
 */
public final class PasswordAgainViewModel {
    private final AgentSession session;
    private final FxBridge bridge;
    private final Language language;
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");

    public PasswordAgainViewModel(AgentSession session, FxBridge bridge, Language language,
                                  ObservableValue<SessionStatus> status) {
        this.session = session;
        this.bridge = bridge;
        this.language = language;
        status.addListener((obs, old, now) -> follow(now));
        follow(status.getValue());
    }

    private void follow(SessionStatus status) {
        if (status instanceof SessionStatus.NeedsPassword) {
            shown.set(true);
        } else if (!busy.get()) {
            shown.set(false);
        }
    }

    /** Signs the same user back in; {@code password} is cleared here or by the session once used. */
    public void signIn(char[] password) {
        if (busy.get()) {
            Arrays.fill(password, '\0');
            return;
        }
        if (password.length == 0) {
            error.set(language.messages().get("reauth.error.missing"));
            return;
        }
        error.set("");
        busy.set(true);
        bridge.whenDone(session.signIn(session.user(), password), (info, failure) -> {
            busy.set(false);
            if (failure != null) {
                error.set(SignInErrors.describe(failure, language.messages()));
                return;
            }
            shown.set(false);
        });
    }

    public String user() {
        return session.user();
    }

    public BooleanProperty shownProperty() {
        return shown;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
