package dev.holdfast.ui.shell;

import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.i18n.Language;
import dev.holdfast.ui.i18n.Messages;
import dev.holdfast.ui.login.LoginView;
import dev.holdfast.ui.login.LoginViewModel;
import dev.holdfast.ui.login.PasswordAgainView;
import dev.holdfast.ui.login.PasswordAgainViewModel;
import dev.holdfast.ui.login.RememberedUser;
import dev.holdfast.ui.supervisor.SupervisionView;
import dev.holdfast.ui.workspace.WorkspaceView;
import java.net.URI;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The main window: the sign-in screen, then the shell with the workspace, and back to sign-in
 * after a sign-out. The title always starts with "Holdfast".
 *
 * <p>Threading: built and used on the FX thread only.
 */
public final class HoldfastWindow {
    /** What the sign-in screen starts with; {@code password} only for the demo account. */
    public record Prefill(String server, String user, String password) {
    }

    private final Stage stage;
    private final Language language;
    private final FxBridge bridge;
    private final Function<URI, AgentSession> openSession;
    private final RememberedUser remembered;
    private final Prefill prefill;
    private final Scene scene;
    private final boolean dark;
    private final TextSize textSize;
    private LoginViewModel login;
    /** The console of the signed-in supervisor or admin; null for an agent and before sign-in. */
    private SupervisionView supervision;

    public HoldfastWindow(Stage stage, Messages messages, FxBridge bridge, Function<URI, AgentSession> openSession,
                          RememberedUser remembered, Prefill prefill, boolean dark) {
        this.stage = stage;
        this.language = new Language(messages);
        this.bridge = bridge;
        // Every session is bridged from birth, so no update between sign-in and the shell is missed.
        this.openSession = uri -> {
            AgentSession session = openSession.apply(uri);
            bridge.attach(session);
            return session;
        };
        this.remembered = remembered;
        this.prefill = prefill;
        this.dark = dark;
        Theme.apply(dark);
        this.scene = new Scene(new javafx.scene.layout.Pane(), 1100, 720);
        Theme.style(scene);
        stage.setScene(scene);
        stage.getIcons().setAll(WindowIcon.images());
        this.textSize = new TextSize(scene, percent -> bridge.inBackground(() -> remembered.saveTextSize(percent)));
        Shortcuts.installTextSize(scene, textSize);
        bridge.load(remembered::textSize, percent -> percent.ifPresent(textSize::restore));
        stage.setMinWidth(720);
        stage.setMinHeight(480);
    }

    public void show() {
        showLogin(prefill.password());
        stage.show();
    }

    /** The language now in use; the user menu switches it. */
    public Language language() {
        return language;
    }

    public TextSize textSize() {
        return textSize;
    }

    /** The supervision console, if the signed-in user oversees others. */
    public java.util.Optional<SupervisionView> supervision() {
        return java.util.Optional.ofNullable(supervision);
    }

    public Scene scene() {
        return scene;
    }

    private void showLogin(String password) {
        login = new LoginViewModel(bridge, language, openSession, remembered, this::showShell);
        login.serverProperty().set(prefill.server());
        login.userProperty().set(prefill.user());
        LoginView view = new LoginView(login, language);
        if (password != null) {
            view.prefillPassword(password);
        }
        stage.titleProperty().bind(language.text("app.title"));
        scene.setRoot(view.root());
    }

    private void showShell(AgentSession session) {
        WorkspaceView workspace = new WorkspaceView(session, bridge, language);
        ShellViewModel shell = new ShellViewModel(session, bridge, language, System::currentTimeMillis);
        PasswordAgainView passwordAgain = new PasswordAgainView(
                new PasswordAgainViewModel(session, bridge, language, shell.statusProperty()), language);
        UnreadNotifier notifier = new UnreadNotifier(stage.focusedProperty(), language, session.user());
        Cancellable notifying = bridge.listen(notifier::apply);
        ShellView view = new ShellView(shell, language, workspace.root(), passwordAgain.root(), dark, this::useLanguage, () -> {
            notifying.cancel();
            workspace.dispose();
            if (supervision != null) {
                supervision.hide();
            }
            showLogin(null);
        });
        view.addToUserMenu(TextSizeMenu.create(language, textSize));
        view.addOverlay(new NotificationToast(notifier).root());
        boolean oversees = session.role() != null && session.role().oversees();
        if (oversees) {
            SupervisionView console = new SupervisionView(session, bridge, language);
            view.offerSupervision(language, workspace.root(), console.root(), shown -> {
                if (shown) {
                    console.show();
                } else {
                    console.hide();
                }
            });
            supervision = console;
        } else {
            supervision = null;
        }
        ShortcutHelpView help = new ShortcutHelpView(language, oversees);
        view.addOverlay(help.root());
        Shortcuts.install(view.root(), workspace, help, passwordAgain.root(), oversees ? view.supervisingProperty()
                : null);
        stage.titleProperty().bind(notifier.title());
        scene.setRoot(view.root());
    }

    /** Switches every visible text now and remembers the choice for the next start. */
    private void useLanguage(String code) {
        language.use(code);
        bridge.inBackground(() -> remembered.saveLanguage(code));
    }
}
