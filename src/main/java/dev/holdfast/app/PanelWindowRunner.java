package dev.holdfast.app;

import dev.holdfast.client.session.AgentSession;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.i18n.Messages;
import dev.holdfast.ui.login.RememberedUser;
import dev.holdfast.ui.shell.HoldfastWindow;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.stage.Stage;

/**
 * Opens the panel's window and waits until it is closed, then closes every session it opened.
 * Uses {@code Platform.startup} rather than an {@code Application} subclass, so the panel starts
 * from any plain {@code main} on the class path.
 */
final class PanelWindowRunner {
    private PanelWindowRunner() {
    }

    /** Held so that the level set on it stays (loggers are only weakly kept). */
    private static final java.util.logging.Logger JAVAFX_STARTUP_LOG =
            java.util.logging.Logger.getLogger("javafx");

    static int run(Path deskDir, Messages messages, HoldfastWindow.Prefill prefill, boolean dark)
            throws InterruptedException {
        ExecutorService background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "holdfast-ui-background");
            t.setDaemon(true);
            return t;
        });
        List<AgentSession> sessions = new CopyOnWriteArrayList<>();
        CountDownLatch closed = new CountDownLatch(1);
        // JavaFX warns at start-up that it was loaded from the class path rather than as modules;
        // that is how Holdfast ships, and the warning only worries whoever reads the terminal.
        java.util.logging.Level before = JAVAFX_STARTUP_LOG.getLevel();
        JAVAFX_STARTUP_LOG.setLevel(java.util.logging.Level.SEVERE);
        javafx.application.Platform.setImplicitExit(false);
        javafx.application.Platform.startup(() -> {
            JAVAFX_STARTUP_LOG.setLevel(before);
            Stage stage = new Stage();
            stage.setOnHidden(e -> closed.countDown());
            new HoldfastWindow(stage, messages, FxBridge.forJavaFx(background), (URI server) -> {
                AgentSession s = new AgentSession(server, deskDir, Clock.systemUTC());
                sessions.add(s);
                return s;
            }, new RememberedUser(deskDir), prefill, dark).show();
        });
        closed.await();
        for (AgentSession s : sessions) {
            s.close();
        }
        background.shutdownNow();
        javafx.application.Platform.exit();
        return 0;
    }

    /** The --language given, else the one last picked in the panel's menu, else the system's. */
    static Messages messages(String language, Path deskDir) {
        if (language != null) {
            return Messages.forLanguage(language);
        }
        return new RememberedUser(deskDir).load().map(RememberedUser.Entry::language).filter(l -> !l.isBlank())
                .map(Messages::forLanguage).orElseGet(() -> Messages.forLocale(java.util.Locale.getDefault()));
    }
}
