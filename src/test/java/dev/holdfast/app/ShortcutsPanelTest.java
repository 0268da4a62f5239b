package dev.holdfast.app;

import static dev.holdfast.app.PanelTestKit.onFx;
import static dev.holdfast.app.PanelTestKit.screenshot;
import static dev.holdfast.app.PanelTestKit.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestPlatform;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.ui.shell.HoldfastWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import dev.holdfast.client.TestCustomer;
import dev.holdfast.ui.workspace.ConversationItem;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** Ctrl+Down/Up move through the conversations, Ctrl+L goes to the reply box, F1 shows the shortcuts. */
class ShortcutsPanelTest {
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
    void keysMoveThroughConversationsAndF1ShowsTheHelp() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer maria = new TestCustomer(p.platform.baseUri(), "María", "es");
             TestCustomer john = new TestCustomer(p.platform.baseUri(), "John", "en")) {
            HoldfastWindow window = PanelTestKit.open(stage, p, dir, background, sessions, "demo");
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Live".equals(text(robot, "#status-text")));
            maria.send("Hola");
            john.send("Hello");
            ListView<ConversationItem> mine = robot.lookup("#list-mine").queryListView();
            await().atMost(PATIENCE).until(() -> onFx(() -> mine.getItems().size()) == 2);
            robot.clickOn("#list-mine");
            onFx(() -> {
                mine.getSelectionModel().select(0);
                return null;
            });

            robot.press(KeyCode.CONTROL, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.CONTROL);
            assertThat(onFx(() -> mine.getSelectionModel().getSelectedIndex())).isEqualTo(1);
            robot.press(KeyCode.CONTROL, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.CONTROL);
            assertThat(onFx(() -> mine.getSelectionModel().getSelectedIndex())).isEqualTo(1);
            robot.press(KeyCode.CONTROL, KeyCode.UP).release(KeyCode.UP, KeyCode.CONTROL);
            assertThat(onFx(() -> mine.getSelectionModel().getSelectedIndex())).isEqualTo(0);

            robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
            assertThat(onFx(() -> robot.lookup("#composer").query().isFocused())).isTrue();

            assertThat(PanelTestKit.showing(robot, "#shortcut-help")).isFalse();
            robot.type(KeyCode.F1);
            assertThat(PanelTestKit.showing(robot, "#shortcut-help")).isTrue();
            assertThat(onFx(() -> robot.lookup("Next conversation").tryQuery().isPresent())).isTrue();
            screenshot(window, "08-shortcut-help");
            robot.type(KeyCode.F1);
            assertThat(PanelTestKit.showing(robot, "#shortcut-help")).isFalse();
            assertThat(text(robot, "#composer")).isEmpty();
        }
    }
}
