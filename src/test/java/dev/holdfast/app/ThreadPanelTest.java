package dev.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestCustomer;
import dev.holdfast.client.TestPlatform;
import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.http.VersionedAction;
import dev.holdfast.testing.MutableClock;
import dev.holdfast.ui.components.DeliveryIcon;
import dev.holdfast.ui.i18n.Language;
import dev.holdfast.ui.i18n.Messages;
import dev.holdfast.ui.shell.HoldfastWindow;
import dev.holdfast.ui.workspace.ConversationItem;
import dev.holdfast.ui.workspace.MessageItem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The thread on a real platform: day separators, older history read on scrolling up without a
 * jump, the "New messages" line and "↓ N new" button, following only from the bottom, and a
 * message that needs action retried and discarded.
 */
class ThreadPanelTest extends PanelTestBase {

    private HoldfastWindow window;

    private AgentSession signIn(TestPlatform p) throws Exception {
        window = open(p, "demo");
        robot.clickOn("#login-sign-in");
        await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
        return sessions.get(0);
    }

    private ListView<ConversationItem> mine() {
        return robot.lookup("#list-mine").queryListView();
    }

    private ListView<MessageItem> thread() {
        return robot.lookup("#thread").queryListView();
    }

    private void openFirstConversation() throws Exception {
        await().atMost(PATIENCE).until(() -> onFx(() -> mine().getItems().size()) == 1);
        onFx(() -> {
            mine().getSelectionModel().select(0);
            return null;
        });
    }

    private boolean threadHas(String words) throws Exception {
        return onFx(() -> thread().getItems().stream().anyMatch(m -> words.equals(m.text())));
    }

    private MessageItem firstVisible() throws Exception {
        return onFx(() -> {
            IndexedCell<?> cell = ((VirtualFlow<?>) thread().lookup(".virtual-flow")).getFirstVisibleCell();
            return cell == null ? null : thread().getItems().get(cell.getIndex());
        });
    }

    private MessageItem lastVisible() throws Exception {
        return onFx(() -> {
            IndexedCell<?> cell = ((VirtualFlow<?>) thread().lookup(".virtual-flow")).getLastVisibleCell();
            return cell == null ? null : thread().getItems().get(cell.getIndex());
        });
    }

    /** The last line on screen, or "" before the list has been laid out. */
    private String lastVisibleText() throws Exception {
        MessageItem last = lastVisible();
        return last == null ? "" : last.text();
    }

    /** The day separators and "New messages" lines on screen, top to bottom. */
    private List<String> separators(String styleClass) throws Exception {
        return onFx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) thread().lookup(".virtual-flow");
            List<String> words = new java.util.ArrayList<>();
            IndexedCell<?> first = flow.getFirstVisibleCell();
            IndexedCell<?> last = flow.getLastVisibleCell();
            for (int i = first == null ? 0 : first.getIndex(); last != null && i <= last.getIndex(); i++) {
                IndexedCell<?> cell = flow.getVisibleCell(i);
                if (cell != null) {
                    cell.lookupAll("." + styleClass).stream().filter(n -> n.getScene() != null)
                            .forEach(n -> words.add(((Label) n).getText()));
                }
            }
            return words;
        });
    }

    /** Presses the Retry or Discard button of the message that needs action (other cells hide theirs). */
    private void press(String id) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        onFx(() -> {
            ((Button) robot.lookup(id).match(n -> n.getParent().isVisible() && n.getScene() != null).query()).fire();
            return null;
        });
    }

    /** The Retry or Discard button of the message that needs action (other cells hide theirs). */
    private Node visible(String id) throws Exception {
        return onFx(() -> robot.lookup(id).match(n -> n.getParent().isVisible() && n.getScene() != null).query());
    }

    @Test
    void olderHistoryComesOnScrollingUpAndNewMessagesAreMarked() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Ann", "en")) {
            AgentSession session = signIn(p);
            for (int i = 1; i <= 300; i++) {
                customer.send("message " + i);
            }
            // Opened once the journal holds all of it: the first page is then the latest 200 lines.
            await().atMost(PATIENCE).until(() -> session.history(customer.conversationId(), 0, 1000).size() >= 302);
            openFirstConversation();
            await().atMost(PATIENCE).until(() -> threadHas("message 300"));
            assertThat(onFx(() -> thread().getItems().size())).isEqualTo(200);
            assertThat(threadHas("message 1")).isFalse();
            // Opened at the bottom (once the list has been laid out with its lines).
            await().atMost(PATIENCE).until(() -> "message 300".equals(lastVisibleText()));

            MessageItem top = onFx(() -> thread().getItems().get(0));
            onFx(() -> {
                thread().scrollTo(0);
                return null;
            });
            await().atMost(PATIENCE).until(() -> threadHas("message 1"));
            assertThat(onFx(() -> thread().getItems().size())).isEqualTo(302);
            // No jump: the line that was on top is still the first one on screen.
            await().atMost(PATIENCE).until(() -> top.equals(firstVisible()));

            // Scrolled up, a new message does not pull the thread down: a button says it came.
            assertThat(showing("#thread-new-below")).isFalse();
            customer.send("Are you there?");
            await().atMost(PATIENCE).until(() -> showing("#thread-new-below"));
            assertThat(text("#thread-new-below")).isEqualTo("↓ 1 new");
            assertThat(firstVisible()).isEqualTo(top);
            customer.send("Hello?");
            await().atMost(PATIENCE).until(() -> "↓ 2 new".equals(text("#thread-new-below")));

            robot.clickOn("#thread-new-below");
            await().atMost(PATIENCE).until(() -> !showing("#thread-new-below"));
            await().atMost(PATIENCE).until(() -> "Hello?".equals(lastVisibleText()));
            assertThat(separators("new-marker-text")).containsExactly("New messages");
            int marker = onFx(() -> thread().getItems().stream().map(MessageItem::text).toList().indexOf("Are you there?"));
            assertThat(marker).isEqualTo(302);

            // At the bottom, new lines are followed.
            customer.send("Still waiting");
            await().atMost(PATIENCE).until(() -> "Still waiting".equals(lastVisibleText()));
            assertThat(showing("#thread-new-below")).isFalse();
            screenshot(window, "panel-thread-new-messages");
        }
    }

    @Test
    void daysAreSeparated() throws Exception {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate today = LocalDate.now(zone);
        MutableClock clock = new MutableClock(today.minusDays(1).atTime(12, 0).atZone(zone).toInstant());
        try (TestPlatform p = TestPlatform.start(dir, 5, clock);
             TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Ann", "en")) {
            customer.send("I ordered a lamp last week");
            clock.set(clock.instant().plusSeconds(60));
            customer.send("It has not arrived");
            Instant midnight = today.atStartOfDay(zone).toInstant();
            long sinceMidnight = Instant.now().toEpochMilli() - midnight.toEpochMilli();
            clock.set(midnight.plusMillis(Math.min(5 * 60_000, sinceMidnight / 2)));
            customer.send("Anyone there?");
            clock.set(Instant.now());

            signIn(p);
            openFirstConversation();
            await().atMost(PATIENCE).until(() -> threadHas("Anyone there?"));
            robot.clickOn("#composer").write("Sorry for the wait, Ann. Let me look at your order.");
            robot.type(KeyCode.ENTER);
            await().atMost(PATIENCE).until(() -> onFx(() -> thread().getItems().stream()
                    .anyMatch(m -> m.mine() && m.delivery() == DeliveryState.SENT)));
            await().atMost(PATIENCE).until(() -> separators("day-separator-text").equals(List.of("Yesterday", "Today")));
            screenshot(window, "panel-thread-day-separators");

            onFx(() -> {
                window.language().use("es");
                return null;
            });
            await().atMost(PATIENCE).until(() -> separators("day-separator-text").equals(List.of("Ayer", "Hoy")));
        }
    }

    @Test
    void aMessageThatNeedsActionCanBeRetriedOrDiscarded() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Ann", "en")) {
            AgentSession session = signIn(p);
            customer.send("Can I change my address?");
            openFirstConversation();
            await().atMost(PATIENCE).until(() -> threadHas("Can I change my address?"));
            String id = customer.conversationId();
            String supervisor = p.supervisorToken();
            long version = onFx(() -> mine().getItems().get(0).summary().version());

            // Closed behind the agent's back: the reply is refused for good and asks what to do.
            ConversationSummary closed = p.http.post("/v1/conversations/" + id + "/close", supervisor,
                    new VersionedAction(version, null, "test")).as(ConversationSummary.class);
            await().atMost(PATIENCE).until(() -> onFx(() -> thread().getItems().stream()
                    .anyMatch(m -> m.kind() == dev.holdfast.protocol.EventKind.CLOSED)));
            // The composer takes no reply in a closed conversation; a reply sent just as the close
            // arrives (here straight through the session) is the race that ends in "needs action".
            session.send(id, "Yes, tell me the new one").get(10, TimeUnit.SECONDS);
            await().atMost(PATIENCE).until(() -> onFx(() -> thread().getItems().stream()
                    .anyMatch(m -> m.delivery() == DeliveryState.NEEDS_ACTION)));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(visible("#thread-retry")).isNotNull();
            assertThat(visible("#thread-discard")).isNotNull();
            String tooltip = onFx(() -> robot.lookup(".delivery-icon").queryAll().stream()
                    .filter(n -> n.getProperties().get("delivery") == DeliveryState.NEEDS_ACTION)
                    .map(Node::getAccessibleText).findFirst().orElse(""));
            assertThat(tooltip).startsWith("Not sent: The conversation is closed");
            screenshot(window, "panel-thread-needs-action");

            // Reopened: Retry sends it, under the same id.
            ConversationSummary reopened = p.http.post("/v1/conversations/" + id + "/reopen", supervisor,
                    new VersionedAction(closed.version(), "agent1", null)).as(ConversationSummary.class);
            press("#thread-retry");
            await().atMost(PATIENCE).until(() -> onFx(() -> thread().getItems().stream()
                    .anyMatch(m -> m.mine() && m.delivery() == DeliveryState.SENT
                            && "Yes, tell me the new one".equals(m.text()))));

            // Closed again: Discard drops the refused reply from the thread and the outbox.
            p.http.post("/v1/conversations/" + id + "/close", supervisor,
                    new VersionedAction(reopened.version(), null, "test"))
                    .as(ConversationSummary.class);
            await().atMost(PATIENCE).until(() -> onFx(() -> thread().getItems().stream()
                    .filter(m -> m.kind() == dev.holdfast.protocol.EventKind.CLOSED).count()) == 2);
            session.send(id, "One more thing").get(10, TimeUnit.SECONDS);
            await().atMost(PATIENCE).until(() -> onFx(() -> thread().getItems().stream()
                    .anyMatch(m -> m.delivery() == DeliveryState.NEEDS_ACTION)));
            press("#thread-discard");
            await().atMost(PATIENCE).until(() -> !threadHas("One more thing"));
            assertThat(session.unsent()).isEmpty();
        }
    }

    @Test
    void aFailedMessageCountsDownToItsNextAttempt() throws Exception {
        String words = onFx(() -> new DeliveryIcon(new Language(Messages.forLanguage("en")))
                .describe(DeliveryState.FAILED_WILL_RETRY, "Sending too fast; retrying shortly.", 14_200, 10_000));
        assertThat(words).isEqualTo("Failed — retrying in 5 s: Sending too fast; retrying shortly.");
        String spanish = onFx(() -> new DeliveryIcon(new Language(Messages.forLanguage("es")))
                .describe(DeliveryState.FAILED_WILL_RETRY, "x", 12_000, 10_000));
        assertThat(spanish).isEqualTo("Falló — se reintenta en 2 s: x");
    }
}
