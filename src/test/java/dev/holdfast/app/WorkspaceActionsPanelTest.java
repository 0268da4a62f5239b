package dev.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestCustomer;
import dev.holdfast.client.TestPlatform;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.platform.Http;
import dev.holdfast.protocol.http.AgentInfo;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSession;
import dev.holdfast.protocol.http.VersionedAction;
import dev.holdfast.ui.shell.HoldfastWindow;
import dev.holdfast.ui.workspace.ConversationItem;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The workspace's list and actions against a real platform on loopback: search narrows the tabs,
 * a close with a reason lands in Closed, a transfer hands the conversation to agent2, and a
 * conversation changed by a supervisor behind an open dialog is refreshed, not overwritten.
 */
class WorkspaceActionsPanelTest extends PanelTestBase {
    @Test
    void searchNarrowsTheListAndACloseWithAReasonLandsInClosed() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer maria = new TestCustomer(p.platform.baseUri(), "María Pérez", "es");
             TestCustomer john = new TestCustomer(p.platform.baseUri(), "John Smith", "en")) {
            HoldfastWindow window = signedIn(p);
            maria.send("Hola, mi pedido no ha llegado");
            john.send("Hello, where is my parcel?");
            ListView<ConversationItem> mine = robot.lookup("#list-mine").queryListView();
            await().atMost(PATIENCE).until(() -> onFx(() -> mine.getItems().size()) == 2);

            robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
            assertThat(onFx(() -> robot.lookup("#list-search").query().isFocused())).isTrue();
            robot.write("maria");
            await().atMost(PATIENCE).until(() -> onFx(() -> mine.getItems().size()) == 1);
            assertThat(onFx(() -> mine.getItems().get(0).customerName())).isEqualTo("María Pérez");
            assertThat(onFx(() -> tabTitle("#tab-mine"))).isEqualTo("Mine (1)");
            screenshot(window, "panel-search");
            robot.type(KeyCode.ESCAPE);
            assertThat(text("#list-search")).isEmpty();
            assertThat(onFx(() -> mine.getItems().size())).isEqualTo(2);
            // Menu popups are separate windows the headless robot cannot click reliably: fire the items.
            chooseFilter("Language", "ES");
            assertThat(onFx(() -> mine.getItems().size())).isEqualTo(1);
            chooseFilter(null, "Clear search and filters");
            assertThat(onFx(() -> mine.getItems().size())).isEqualTo(2);

            select(mine, maria.conversationId());
            await().atMost(PATIENCE).until(() -> "María Pérez".equals(text("#customer-name")));
            assertThat(text("#customer-channel")).isEqualTo("web");
            assertThat(text("#customer-language")).isEqualTo("Spanish");
            assertThat(text("#customer-status")).isEqualTo("Assigned");
            assertThat(text("#customer-assignee")).isEqualTo("agent1");
            screenshot(window, "panel-customer");

            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
            assertThat(showing("#close-dialog")).isTrue();
            robot.type(KeyCode.ESCAPE);
            assertThat(showing("#close-dialog")).isFalse();
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
            assertThat(showing("#close-dialog")).isTrue();
            assertThat(onFx(() -> robot.lookup("#close-confirm").query().isDisabled())).isTrue();
            robot.clickOn("No reply from customer");
            assertThat(text("#close-reason")).isEqualTo("No reply from customer");
            screenshot(window, "panel-close-dialog");
            robot.clickOn("#close-confirm");

            ListView<ConversationItem> closed = robot.lookup("#list-closed").queryListView();
            await().atMost(PATIENCE).until(() -> onFx(() -> closed.getItems().size()) == 1);
            assertThat(showing("#close-dialog")).isFalse();
            assertThat(onFx(() -> closed.getItems().get(0).id())).isEqualTo(maria.conversationId());
            assertThat(onFx(() -> mine.getItems().size())).isEqualTo(1);
            assertThat(onFx(() -> tabTitle("#tab-closed"))).isEqualTo("Closed (1)");
            assertThat(onPlatform(p, maria.conversationId()).status()).isEqualTo(ConversationStatus.CLOSED);
            assertThat(text("#customer-status")).isEqualTo("Closed");
            // A closed conversation takes no reply; the box says why instead of failing a send.
            await().atMost(PATIENCE).until(() -> onFx(() -> robot.lookup("#composer").query().isDisabled()));
            assertThat(text("#composer-notice")).isEqualTo("This conversation is closed. Your draft is kept.");
            // The thread says why it was closed.
            await().atMost(PATIENCE).until(() -> onFx(() -> robot.lookup(".system-line").queryAllAs(Label.class)
                    .stream().anyMatch(l -> l.getText().startsWith("Closed — No reply from customer"))));
            assertThat(onFx(() -> robot.lookup("#composer-send").query().isDisabled())).isTrue();
            robot.clickOn("#tab-closed");
            screenshot(window, "panel-closed-tab");
        }
    }

    @Test
    void transferHandsOverAndAConflictRefreshesWithoutOverwriting() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer ana = new TestCustomer(p.platform.baseUri(), "Ana", "es");
             TestCustomer bob = new TestCustomer(p.platform.baseUri(), "Bob", "en")) {
            HoldfastWindow window = signedIn(p);
            ana.send("¿Hay alguien?");
            bob.send("Hi, I need help");
            String carla = new Http(p.platform.baseUri()).post("/v1/customer/conversations", null,
                    new CustomerOpenRequest("Carla Gómez", "pt", "whatsapp", List.of("vip", "envíos")))
                    .as(CustomerSession.class).conversationId();
            ListView<ConversationItem> mine = robot.lookup("#list-mine").queryListView();
            await().atMost(PATIENCE).until(() -> onFx(() -> mine.getItems().size()) == 3);

            // Tags are searched too, accents aside; the panel shows them as chips.
            robot.clickOn("#list-search").write("ENVIOS");
            await().atMost(PATIENCE).until(() -> onFx(() -> mine.getItems().size()) == 1);
            select(mine, carla);
            await().atMost(PATIENCE).until(() -> "Carla Gómez".equals(text("#customer-name")));
            assertThat(text("#customer-channel")).isEqualTo("whatsapp");
            assertThat(text("#customer-language")).isEqualTo("Portuguese");
            assertThat(onFx(() -> robot.lookup("#customer-tags").queryAs(javafx.scene.layout.FlowPane.class)
                    .getChildren().stream().map(n -> ((javafx.scene.control.Label) n).getText()).toList()))
                    .containsExactly("vip", "envíos");
            screenshot(window, "panel-customer-tags");
            robot.type(KeyCode.ESCAPE);
            await().atMost(PATIENCE).until(() -> onFx(() -> mine.getItems().size()) == 3);

            select(mine, ana.conversationId());
            robot.clickOn("#action-transfer");
            ListView<AgentInfo> agents = robot.lookup("#transfer-agents").queryListView();
            await().atMost(PATIENCE).until(() -> onFx(() -> agents.getItems().size()) > 0);
            // Modal: Tab goes round the dialog, never to the workspace behind it.
            robot.clickOn("#transfer-agents");
            for (int i = 0; i < 6; i++) {
                robot.type(KeyCode.TAB);
                assertThat(onFx(() -> {
                    javafx.scene.Node focused = stage.getScene().getFocusOwner();
                    for (javafx.scene.Node at = focused; at != null; at = at.getParent()) {
                        if ("transfer-dialog".equals(at.getId())) {
                            return true;
                        }
                    }
                    return false;
                })).as("focus after %d Tab presses", i + 1).isTrue();
            }
            // Esc cancels even with the focus in the agents' list (which would keep Esc for itself).
            robot.clickOn("#transfer-agents");
            robot.type(KeyCode.ESCAPE);
            assertThat(showing("#transfer-dialog")).isFalse();
            robot.clickOn("#action-transfer");
            await().atMost(PATIENCE).until(() -> onFx(() -> agents.getItems().size()) > 0);
            assertThat(onFx(() -> agents.getItems().stream().map(AgentInfo::id).toList()))
                    .contains("agent2").doesNotContain("agent1");
            onFx(() -> {
                agents.getItems().stream().filter(a -> a.id().equals("agent2")).findFirst()
                        .ifPresent(a -> agents.getSelectionModel().select(a));
                return null;
            });
            screenshot(window, "panel-transfer");
            robot.clickOn("#transfer-confirm");
            await().atMost(PATIENCE).until(() -> "agent2".equals(onPlatform(p, ana.conversationId()).assignee()));
            await().atMost(PATIENCE).until(() -> onFx(() -> mine.getItems().size()) == 2);
            assertThat(showing("#transfer-dialog")).isFalse();

            // The dialog opens on the version shown; a supervisor changes the conversation meanwhile.
            select(mine, bob.conversationId());
            robot.clickOn("#action-close");
            robot.clickOn("#close-reason").write("Resolved");
            String supervisor = p.supervisorToken();
            long seen = onPlatform(p, bob.conversationId()).version();
            reassign(p, supervisor, bob.conversationId(), seen, "agent2");
            reassign(p, supervisor, bob.conversationId(), seen + 1, "agent1");
            robot.clickOn("#close-confirm");

            await().atMost(PATIENCE).until(() -> showing("#action-notice"));
            assertThat(text("#action-notice")).isEqualTo("This conversation changed while you were looking at it. "
                    + "It has been refreshed; nothing was changed.");
            assertThat(showing("#close-dialog")).isFalse();
            ConversationSummary now = onPlatform(p, bob.conversationId());
            assertThat(now.status()).isEqualTo(ConversationStatus.ASSIGNED);
            assertThat(now.assignee()).isEqualTo("agent1");
            assertThat(now.version()).isEqualTo(seen + 2);
            await().atMost(PATIENCE).until(() -> onFx(() -> mine.getItems().stream()
                    .anyMatch(i -> i.id().equals(bob.conversationId()) && i.summary().version() == seen + 2)));
            screenshot(window, "panel-conflict");
        }
    }

    private HoldfastWindow signedIn(TestPlatform p) throws Exception {
        HoldfastWindow window = open(p, "demo");
        robot.clickOn("#login-sign-in");
        await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
        return window;
    }

    /** Opens the filter menu (which fills it) and fires the item {@code text}, inside submenu {@code menu} if given. */
    private void chooseFilter(String menu, String text) throws Exception {
        onFx(() -> {
            MenuButton button = robot.lookup("#list-filter").queryAs(MenuButton.class);
            button.show();
            List<MenuItem> items = button.getItems();
            if (menu != null) {
                items = items.stream().filter(i -> menu.equals(i.getText())).map(i -> ((Menu) i).getItems())
                        .findFirst().orElseThrow();
            }
            items.stream().filter(i -> text.equals(i.getText())).findFirst().orElseThrow().fire();
            button.hide();
            return null;
        });
    }

    private static void select(ListView<ConversationItem> list, String id) throws Exception {
        onFx(() -> {
            list.getItems().stream().filter(i -> i.id().equals(id)).findFirst()
                    .ifPresent(i -> list.getSelectionModel().select(i));
            return null;
        });
    }

    private String tabTitle(String query) {
        return robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class).getTabs().stream()
                .filter(t -> query.equals("#" + t.getId())).map(Tab::getText).findFirst().orElse("");
    }

    private static ConversationSummary onPlatform(TestPlatform p, String id) {
        return p.http.get("/v1/conversations/" + id, p.supervisorToken()).as(ConversationSummary.class);
    }

    private static void reassign(TestPlatform p, String token, String id, long version, String to) {
        var answer = p.http.post("/v1/conversations/" + id + "/reassign", token, new VersionedAction(version, to, null));
        assertThat(answer.status()).isEqualTo(200);
    }
}
