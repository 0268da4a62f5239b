package dev.holdfast.app;

import static dev.holdfast.app.PanelTestKit.onFx;
import static dev.holdfast.app.PanelTestKit.screenshot;
import static dev.holdfast.app.PanelTestKit.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestPlatform;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.ui.login.RememberedUser;
import dev.holdfast.ui.shell.HoldfastWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Switching English to Spanish in the user menu rewords the panel at once, and is remembered. */
class LanguageSwitchPanelTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static Stage stage;

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-ui-background");
        t.setDaemon(true);
        return t;
    });
    private final List<AgentSession> sessions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeSessions() throws Exception {
        FxToolkit.setupFixture(() -> stage.hide());
        sessions.forEach(AgentSession::close);
        background.shutdownNow();
    }

    @Test
    void spanishFromTheMenuRewordsTabsAndStatusWithoutARestart() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5)) {
            HoldfastWindow window = PanelTestKit.open(stage, p, dir, background, sessions, "demo");
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Live".equals(text(robot, "#status-text")));
            assertThat(tabTitles()).containsExactly("Mine (0)", "Queue (0)");

            robot.clickOn("#user-menu").clickOn("Language").clickOn("Español");

            await().atMost(PATIENCE).until(() -> "En línea".equals(text(robot, "#status-text")));
            assertThat(tabTitles()).containsExactly("Mías (0)", "En cola (0)");
            assertThat(text(robot, "#presence-away")).isEqualTo("Ausente");
            assertThat(onFx(stage::getTitle)).isEqualTo("Holdfast — agent1");
            assertThat(onFx(() -> window.language().code())).isEqualTo("es");
            await().atMost(PATIENCE).until(() -> new RememberedUser(dir.resolve("desk")).load()
                    .map(RememberedUser.Entry::language).orElse("").equals("es"));
            assertThat(new RememberedUser(dir.resolve("desk")).load().orElseThrow().user()).isEqualTo("agent1");
            screenshot(window, "07-spanish-at-runtime");

            robot.clickOn("#user-menu").clickOn("Idioma").clickOn("English");
            await().atMost(PATIENCE).until(() -> "Live".equals(text(robot, "#status-text")));
            assertThat(tabTitles()).containsExactly("Mine (0)", "Queue (0)");
        }
    }

    private List<String> tabTitles() throws Exception {
        return onFx(() -> robot.lookup(".tab-pane").queryAs(TabPane.class).getTabs().stream()
                .map(t -> t.getText()).toList());
    }
}
