package dev.holdfast.ui.login;

import dev.holdfast.client.session.AgentSession;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.i18n.Language;
import java.net.URI;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in form's state and the sign-in itself. The sign-in runs in the session's own
 * threads; its answer comes back through the bridge.
 *
 * <p>Threading: every property and field is owned by the FX thread.
 */
public final class LoginViewModel {
    private final FxBridge bridge;
    private final Language language;
    private final Function<URI, AgentSession> openSession;
    private final RememberedUser remembered;
    private final Consumer<AgentSession> onSignedIn;

    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final BooleanProperty rememberUser = new SimpleBooleanProperty(true);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");

    /** The session of the last server tried; reused while the server stays the same. */
    private AgentSession session;
    private URI sessionServer;

    public LoginViewModel(FxBridge bridge, Language language, Function<URI, AgentSession> openSession,
                          RememberedUser remembered, Consumer<AgentSession> onSignedIn) {
        this.bridge = bridge;
        this.language = language;
        this.openSession = openSession;
        this.remembered = remembered;
        this.onSignedIn = onSignedIn;
    }

    /**
     * Signs in with {@code password}, which is cleared here or by the session once used; the
     * caller must not keep another copy.
     */
    public void signIn(char[] password) {
        if (busy.get()) {
            Arrays.fill(password, '\0');
            return;
        }
        String name = user.get().strip();
        URI uri = parseServer(server.get().strip());
        if (name.isEmpty() || password.length == 0 || server.get().isBlank()) {
            Arrays.fill(password, '\0');
            error.set(language.messages().get("login.error.missing"));
            return;
        }
        if (uri == null) {
            Arrays.fill(password, '\0');
            error.set(language.messages().get("login.error.server"));
            return;
        }
        if (session == null || !uri.equals(sessionServer)) {
            AgentSession old = session;
            if (old != null) {
                bridge.inBackground(old::close);
            }
            session = openSession.apply(uri);
            sessionServer = uri;
        }
        AgentSession signingIn = session;
        error.set("");
        busy.set(true);
        boolean keepUser = rememberUser.get();
        bridge.whenDone(signingIn.signIn(name, password), (info, failure) -> {
            busy.set(false);
            if (failure != null) {
                error.set(SignInErrors.describe(failure, language.messages()));
                return;
            }
            bridge.inBackground(() -> remembered.save(uri.toString(), keepUser ? name : null));
            onSignedIn.accept(signingIn);
        });
    }

    /** The session used for the next sign-in is a fresh one (after a sign-out that closed it). */
    public void forgetSession() {
        session = null;
        sessionServer = null;
    }

    static URI parseServer(String text) {
        try {
            URI uri = URI.create(text);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return http && uri.getHost() != null ? uri : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty userProperty() {
        return user;
    }

    public BooleanProperty rememberUserProperty() {
        return rememberUser;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
