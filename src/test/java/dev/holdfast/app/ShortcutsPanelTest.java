package dev.holdfast.app;

import static dev.holdfast.app.PanelTestBase.onFx;
import static dev.holdfast.app.PanelTestBase.screenshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestPlatform;
import dev.holdfast.ui.shell.HoldfastWindow;
import dev.holdfast.client.TestCustomer;
import dev.holdfast.ui.workspace.ConversationItem;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Ctrl+Down/Up move through the conversations, Ctrl+L goes to the reply box, F1 shows the shortcuts. */
class ShortcutsPanelTest extends PanelTestBase {
    @Test
    void keysMoveThroughConversationsAndF1ShowsTheHelp() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer maria = new TestCustomer(p.platform.baseUri(), "María", "es");
             TestCustomer john = new TestCustomer(p.platform.baseUri(), "John", "en")) {
            HoldfastWindow window = open(p, "demo");
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
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

            assertThat(showing("#shortcut-help")).isFalse();
            robot.type(KeyCode.F1);
            assertThat(showing("#shortcut-help")).isTrue();
            assertThat(onFx(() -> robot.lookup("Next conversation").tryQuery().isPresent())).isTrue();
            screenshot(window, "08-shortcut-help");
            robot.type(KeyCode.F1);
            assertThat(showing("#shortcut-help")).isFalse();
            assertThat(text("#composer")).isEmpty();
        }
    }
}
