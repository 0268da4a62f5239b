package dev.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestCustomer;
import dev.holdfast.client.TestPlatform;
import dev.holdfast.platform.WsPeer;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.ui.shell.HoldfastWindow;
import dev.holdfast.ui.workspace.CannedResponse;
import dev.holdfast.ui.workspace.ConversationItem;
import dev.holdfast.ui.workspace.MessageItem;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

/**
 * The composer on a real platform: Enter and Shift+Enter, canned responses after a slash, and
 * "typing" both ways between the agent and a customer's own socket.
 */
class ComposerPanelTest extends PanelTestBase {

    /** Signs agent1 in and opens the conversation {@code customer} starts. */
    private HoldfastWindow openConversationOf(TestPlatform p, TestCustomer customer, String firstWords)
            throws Exception {
        HoldfastWindow window = open(p, "demo");
        robot.clickOn("#login-sign-in");
        await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
        customer.send(firstWords);
        ListView<ConversationItem> mine = robot.lookup("#list-mine").queryListView();
        await().atMost(PATIENCE).until(() -> onFx(() -> mine.getItems().size()) == 1);
        onFx(() -> {
            mine.getSelectionModel().select(0);
            return null;
        });
        await().atMost(PATIENCE).until(() -> onFx(() -> thread().getItems().stream()
                .anyMatch(m -> firstWords.equals(m.text()))));
        return window;
    }

    private ListView<MessageItem> thread() {
        return robot.lookup("#thread").queryListView();
    }

    private ListView<CannedResponse> canned() {
        return robot.lookup("#composer-canned").queryListView();
    }

    @Test
    void enterSendsAndShiftEnterStartsANewLine() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Ann", "en")) {
            openConversationOf(p, customer, "Hi, my parcel is late");
            robot.clickOn("#composer").write("Sorry to hear that.");
            robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
            robot.write("Let me check.");
            assertThat(text("#composer")).isEqualTo("Sorry to hear that.\nLet me check.");
            assertThat(onFx(() -> thread().getItems().stream().anyMatch(MessageItem::mine))).isFalse();

            robot.type(KeyCode.ENTER);
            await().atMost(PATIENCE).until(() -> onFx(() -> thread().getItems().stream()
                    .anyMatch(m -> m.mine() && "Sorry to hear that.\nLet me check.".equals(m.text()))));
            assertThat(text("#composer")).isEmpty();
        }
    }

    @Test
    void aLongMessageWrapsAndIsShownWhole() throws Exception {
        String longWords = "Thanks for waiting. I checked with the courier and your parcel is at the local depot; "
                + "it will be delivered tomorrow between 9:00 and 13:00, and you will get a text message one hour "
                + "before it arrives, so you can tell them where to leave it.";
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Ann", "en")) {
            openConversationOf(p, customer, "Where is my parcel?");
            customer.send(longWords);
            await().atMost(PATIENCE).until(() -> onFx(() -> robot.lookup(".bubble-text").queryAllAs(Label.class)
                    .stream().anyMatch(l -> longWords.equals(l.getText()))));
            // What is drawn is the whole text over several lines, not one line cut short with "…".
            await().atMost(PATIENCE).until(() -> onFx(() -> robot.lookup(".bubble-text").queryAllAs(Label.class)
                    .stream().filter(l -> longWords.equals(l.getText())).findFirst()
                    .map(l -> (Text) l.lookup(".text"))
                    .map(drawn -> longWords.equals(drawn.getText())
                            && drawn.getLayoutBounds().getHeight() > 2 * drawn.getFont().getSize())
                    .orElse(false)));
        }
    }

    @Test
    void aSlashListsCannedResponsesInTheCustomersLanguage() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer customer = new TestCustomer(p.platform.baseUri(), "María", "es")) {
            HoldfastWindow window = openConversationOf(p, customer, "Quiero devolver un pedido");
            robot.clickOn("#composer").write("/");
            await().atMost(PATIENCE).until(() -> showing("#composer-canned"));
            assertThat(onFx(() -> canned().getItems().size())).isGreaterThanOrEqualTo(8);

            robot.write("re");
            // Spanish, because María writes in Spanish, although the panel speaks English.
            await().atMost(PATIENCE).until(() -> onFx(() -> canned().getItems().stream().map(CannedResponse::title)
                    .toList()).contains("Política de reembolso"));
            screenshot(window, "panel-canned-responses");
            String first = onFx(() -> canned().getItems().get(0).text());
            String second = onFx(() -> canned().getItems().get(1).text());
            robot.type(KeyCode.DOWN);
            robot.type(KeyCode.UP);
            robot.type(KeyCode.DOWN);
            robot.type(KeyCode.ENTER);
            assertThat(text("#composer")).isEqualTo(second).isNotEqualTo(first);
            assertThat(showing("#composer-canned")).isFalse();
            // Enter chose a response: nothing was sent.
            assertThat(onFx(() -> thread().getItems().stream().anyMatch(MessageItem::mine))).isFalse();

            onFx(() -> {
                robot.lookup("#composer").queryTextInputControl().clear();
                return null;
            });
            robot.clickOn("#composer").write("/reemb");
            await().atMost(PATIENCE).until(() -> showing("#composer-canned"));
            robot.type(KeyCode.TAB);
            assertThat(text("#composer")).startsWith("Puedes devolver cualquier artículo");

            onFx(() -> {
                robot.lookup("#composer").queryTextInputControl().clear();
                return null;
            });
            robot.clickOn("#composer").write("/sal");
            await().atMost(PATIENCE).until(() -> showing("#composer-canned"));
            robot.type(KeyCode.ESCAPE);
            assertThat(showing("#composer-canned")).isFalse();
            robot.write("u");
            assertThat(showing("#composer-canned")).isFalse(); // stays closed until the slash goes
            assertThat(text("#composer")).isEqualTo("/salu");
        }
    }

    @Test
    void typingIsSeenBothWays() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Ann", "en")) {
            HoldfastWindow window = openConversationOf(p, customer, "Hello?");
            try (WsPeer widget = WsPeer.connect(p.platform.baseUri(), "/v1/customer/ws")) {
                widget.send(new ClientFrame.Hello(Limits.PROTOCOL_VERSION, customer.session.customerToken(),
                        customer.session.customerId(), null, null, Map.of(customer.conversationId(), 0L)));
                widget.await(ServerFrame.Synced.class);

                // The customer types: the agent sees it under the thread, and no longer once they stop.
                assertThat(showing("#thread-typing")).isFalse();
                widget.send(new ClientFrame.Typing(customer.conversationId(), true));
                await().atMost(PATIENCE).until(() -> showing("#thread-typing"));
                assertThat(text("#thread-typing")).isEqualTo("Ann is typing…");
                screenshot(window, "panel-customer-typing");
                widget.send(new ClientFrame.Typing(customer.conversationId(), false));
                await().atMost(PATIENCE).until(() -> !showing("#thread-typing"));

                // The agent types: the customer's widget hears "typing", and "stopped" on send.
                robot.clickOn("#composer").write("Yes, I am here");
                ServerFrame.TypingNotice typing = widget.await(ServerFrame.TypingNotice.class,
                        t -> t.author().kind() == AuthorKind.AGENT && t.active());
                assertThat(typing.conversationId()).isEqualTo(customer.conversationId());
                robot.type(KeyCode.ENTER);
                widget.await(ServerFrame.TypingNotice.class, t -> t.author().kind() == AuthorKind.AGENT && !t.active());
            }
        }
    }
}
