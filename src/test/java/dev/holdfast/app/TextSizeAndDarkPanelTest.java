package dev.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestCustomer;
import dev.holdfast.client.TestPlatform;
import dev.holdfast.ui.shell.HoldfastWindow;
import dev.holdfast.ui.workspace.ConversationItem;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Ctrl+= / Ctrl+- / Ctrl+0 scale the text and the next window starts at the size chosen; the dark workspace. */
class TextSizeAndDarkPanelTest extends PanelTestBase {
    @Test
    void ctrlPlusMakesTheTextLargerAndTheNextWindowRemembersIt() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5)) {
            open(p, "demo");
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
            double before = fontSize("#status-text");

            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
            await().atMost(PATIENCE).until(() -> fontSize("#status-text") > before);
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
            double larger = fontSize("#status-text");
            assertThat(larger).isGreaterThan(before);
            await().atMost(PATIENCE).until(() -> Files.readString(dir.resolve("desk/panel.properties"))
                    .contains("textSize=130"));

            // The next window, as after quitting: the first one's session lets go of the journal first,
            // since a journal takes one panel at a time.
            sessions.get(0).close();
            HoldfastWindow again = open(p, "demo");
            await().atMost(PATIENCE).until(() -> onFx(() -> again.textSize().percentProperty().get()) == 130);
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
            assertThat(fontSize("#status-text")).isEqualTo(larger);

            robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
            assertThat(fontSize("#status-text")).isEqualTo(before);
            robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
            assertThat(fontSize("#status-text")).isLessThan(before);
        }
    }

    @Test
    void darkWorkspaceScreenshot() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer maria = new TestCustomer(p.platform.baseUri(), "María", "es");
             TestCustomer john = new TestCustomer(p.platform.baseUri(), "John", "en")) {
            HoldfastWindow window = open(p, "demo", true);
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
            maria.send("Hola, mi pedido no ha llegado todavía. ¿Pueden ayudarme?");
            john.send("Hello, I was charged twice for the same order.");
            ListView<ConversationItem> mine = robot.lookup("#list-mine").queryListView();
            await().atMost(PATIENCE).until(() -> onFx(() -> mine.getItems().size()) == 2);
            onFx(() -> {
                mine.getSelectionModel().select(0);
                return null;
            });
            ListView<?> thread = robot.lookup("#thread").queryListView();
            await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().size()) >= 2);
            Path shot = screenshot(window, "panel-dark");
            // Dark means dark: the empty part of the thread is drawn in a dark colour.
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(shot.toFile());
            java.awt.Color background = new java.awt.Color(image.getRGB(image.getWidth() * 2 / 3, image.getHeight() * 2 / 3));
            assertThat(background.getRed() + background.getGreen() + background.getBlue()).isLessThan(3 * 60);
        } finally {
            onFx(() -> {
                dev.holdfast.ui.shell.Theme.apply(false); // the theme is global: later tests start light
                return null;
            });
        }
    }

    private double fontSize(String query) throws Exception {
        return onFx(() -> ((Labeled) robot.lookup(query).query()).getFont().getSize());
    }
}
