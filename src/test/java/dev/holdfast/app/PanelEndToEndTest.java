package dev.holdfast.app;

import static dev.holdfast.app.PanelTestBase.onFx;
import static dev.holdfast.app.PanelTestBase.screenshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestCustomer;
import dev.holdfast.client.TestPlatform;
import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.ui.shell.HoldfastWindow;
import dev.holdfast.ui.workspace.ConversationItem;
import dev.holdfast.ui.workspace.MessageItem;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The panel, headless (Monocle), against a real platform on loopback: sign in, receive, reply,
 * and ride out a wipe of the platform's live store without leaving the screen.
 */
class PanelEndToEndTest extends PanelTestBase {
    @Test
    void signInReplyAndRideOutAWipe() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5)) {
            HoldfastWindow window = open(p, "demo");
            assertThat(onFx(stage::getTitle)).startsWith("Holdfast");
            assertThat(onFx(() -> stage.getIcons().size())).as("window icons").isEqualTo(6);
            screenshot(window, "01-sign-in");

            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
            assertThat(onFx(stage::getTitle)).isEqualTo("Holdfast — agent1");
            List<String> statuses = new CopyOnWriteArrayList<>();
            onFx(() -> {
                robot.lookup("#status-text").queryAs(Label.class).textProperty()
                        .addListener((obs, old, now) -> statuses.add(now));
                return null;
            });

            try (TestCustomer customer = new TestCustomer(p.platform.baseUri(), "María", "es")) {
                customer.send("Hola, mi pedido no ha llegado");
                ListView<ConversationItem> mine = robot.lookup("#list-mine").queryListView();
                await().atMost(PATIENCE).until(() -> onFx(() -> mine.getItems().size()) == 1);
                onFx(() -> {
                    mine.getSelectionModel().select(0);
                    return null;
                });
                ListView<MessageItem> thread = robot.lookup("#thread").queryListView();
                await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                        .anyMatch(m -> "Hola, mi pedido no ha llegado".equals(m.text()))));

                List<DeliveryState> seen = new CopyOnWriteArrayList<>();
                onFx(() -> {
                    thread.getItems().addListener((ListChangeListener<MessageItem>) c -> thread.getItems().stream()
                            .filter(MessageItem::mine).map(MessageItem::delivery).forEach(seen::add));
                    return null;
                });
                robot.clickOn("#composer").write("Lo reviso ahora mismo");
                robot.type(KeyCode.ENTER);
                await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                        .anyMatch(m -> m.mine() && m.delivery() == DeliveryState.SENT
                                && "Lo reviso ahora mismo".equals(m.text()))));
                assertThat(seen.get(0)).isIn(DeliveryState.QUEUED, DeliveryState.SENDING);
                assertThat(text("#composer")).isEmpty();
                customer.send("¡Gracias!");
                await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                        .anyMatch(m -> "¡Gracias!".equals(m.text()))));
                screenshot(window, "02-conversation");

                p.wipe();
                await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                        .anyMatch(m -> m.kind() == EventKind.RESTORED)) && "Live".equals(text("#status-text")));
                assertThat(statuses).anyMatch(s -> s.startsWith("Recovering"));
                assertThat(onFx(() -> mine.getItems().size())).isEqualTo(1);
                assertThat(onFx(() -> thread.getItems().stream().filter(MessageItem::isMessage).count()))
                        .isEqualTo(3);
                screenshot(window, "03-after-platform-restart");
            }
        }
    }

    @Test
    void aWrongPasswordIsSaidPlainly() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5)) {
            HoldfastWindow window = open(p, "not-the-password");
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Wrong user name or password.".equals(text("#login-error")));
            assertThat(text("#login-password")).isEmpty();
            screenshot(window, "04-wrong-password");
        }
    }
}
