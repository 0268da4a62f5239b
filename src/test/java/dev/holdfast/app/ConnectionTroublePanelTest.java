package dev.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestCustomer;
import dev.holdfast.client.TestPlatform;
import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.protocol.http.AdminResult;
import dev.holdfast.ui.shell.HoldfastWindow;
import dev.holdfast.ui.workspace.ConversationItem;
import dev.holdfast.ui.workspace.MessageItem;
import java.io.IOException;
import java.net.ServerSocket;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import dev.holdfast.client.session.AgentSession;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the panel says, and keeps, when the connection is in trouble, headless against real
 * platforms on loopback: the platform stops and comes back, tokens expire, and sign-in meets an
 * unreachable platform or a rate limit.
 */
class ConnectionTroublePanelTest extends PanelTestBase {

    @Test
    void thePlatformStopsAndReturnsAndWhatWasWrittenMeanwhileGoesOut() throws Exception {
        int port = freePort();
        String store = "sqlite:" + dir.resolve("platform-store.db");
        TestPlatform p = TestPlatform.start(dir, store, 5, port);
        try {
            HoldfastWindow window = open(p, "demo");
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
            ListView<MessageItem> thread;
            try (TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Ana", "en")) {
                customer.send("My parcel is late");
                thread = openTheOnlyConversation();
                await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                        .anyMatch(m -> "My parcel is late".equals(m.text()))));
            }

            p.close();
            await().atMost(PATIENCE).until(() -> text("#status-text").startsWith("Reconnecting")
                    || text("#status-text").startsWith("Offline"));
            robot.clickOn("#composer").write("Still here, checking with the courier");
            robot.type(KeyCode.ENTER);
            await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                    .anyMatch(m -> m.mine() && m.delivery() != DeliveryState.SENT
                            && "Still here, checking with the courier".equals(m.text()))));
            // With the message waiting, the desk says it is offline and that the message will go.
            await().atMost(PATIENCE).until(() -> text("#status-text")
                    .equals("Offline — 1 message will be sent when the connection is back"));
            assertThat(showing("#status-note")).isFalse();
            screenshot(window, "07-offline-message-queued");

            p = TestPlatform.start(dir, store, 5, port);
            await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                    .anyMatch(m -> m.mine() && m.delivery() == DeliveryState.SENT
                            && "Still here, checking with the courier".equals(m.text()))));
            await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
            assertThat(text("#status-note")).isEqualTo("1 message that waited has been sent");
            assertThat(showing("#status-note")).isTrue();
            assertThat(onFx(() -> thread.getItems().stream()
                    .filter(m -> "Still here, checking with the courier".equals(m.text())).count()))
                    .as("shown once").isEqualTo(1);
            screenshot(window, "08-back-online-waited-message-sent");
        } finally {
            p.close();
        }
    }

    @Test
    void expiredTokensAreRenewedWithoutAskingAnything() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5)) {
            open(p, "demo");
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
            try (TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Luis", "es")) {
                customer.send("¿Siguen ahí?");
                ListView<MessageItem> thread = openTheOnlyConversation();
                AdminResult expired = p.http.post("/admin/expire-tokens", TestPlatform.ADMIN, null)
                        .as(AdminResult.class);
                assertThat(expired.affected()).isPositive();

                robot.clickOn("#composer").write("Sí, aquí seguimos");
                robot.type(KeyCode.ENTER);
                await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                        .anyMatch(m -> m.mine() && m.delivery() == DeliveryState.SENT
                                && "Sí, aquí seguimos".equals(m.text()))));
                customer.send("Gracias");
                await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                        .anyMatch(m -> "Gracias".equals(m.text()))));
                assertThat(showing("#reauth-dialog")).as("nobody is asked for a password").isFalse();
                assertThat(text("#status-text")).isEqualTo("Live");
            }
        }
    }

    @Test
    void aSecondPanelOfTheSameUserIsToldTheFirstIsOpen() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5)) {
            // The first panel of agent1 on this computer, signed in and holding its journal.
            AgentSession first = new AgentSession(p.platform.baseUri(), dir.resolve("desk"), Clock.systemUTC());
            sessions.add(first);
            first.signIn("agent1", "demo".toCharArray()).get(30, TimeUnit.SECONDS);

            HoldfastWindow window = open(p, "demo");
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> text("#login-error").equals("Holdfast is already open for this"
                    + " user on this computer. Close that window first, then sign in here."));
            screenshot(window, "panel-journal-in-use");
            assertThat(text("#login-sign-in")).as("ready for another try").isEqualTo("Sign in");

            // Once the first lets go, the same window signs in (the password is asked again).
            first.close();
            robot.clickOn("#login-password").write("demo");
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
        }
    }

    @Test
    void anUnreachablePlatformIsSaidPlainly() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5)) {
            open(p, "demo");
            robot.doubleClickOn("#login-server").eraseText(p.platform.baseUri().toString().length())
                    .write("http://127.0.0.1:" + freePort());
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> text("#login-error").equals(
                    "The platform cannot be reached. Check the server address and your connection."));
            assertThat(text("#login-sign-in")).as("ready for another try").isEqualTo("Sign in");
        }
    }

    @Test
    void aRateLimitSaysHowLongToWait() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5)) {
            HoldfastWindow window = open(p, "wrong");
            // Five wrong passwords lock the account for 30 s; the sixth attempt is refused at once.
            for (int attempt = 1; attempt <= 5; attempt++) {
                robot.clickOn("#login-password").write("wrong-" + attempt);
                robot.clickOn("#login-sign-in");
                await().atMost(PATIENCE).until(() -> "Wrong user name or password.".equals(text("#login-error"))
                        && "Sign in".equals(text("#login-sign-in")));
            }
            robot.clickOn("#login-password").write("demo");
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> text("#login-error").matches("Too many attempts\\. Try again in \\d+ s\\."));
            long seconds = Long.parseLong(text("#login-error").replaceAll("\\D", ""));
            assertThat(seconds).isBetween(1L, 30L);
            screenshot(window, "09-rate-limited");
        }
    }

    private ListView<MessageItem> openTheOnlyConversation() throws Exception {
        ListView<ConversationItem> mine = robot.lookup("#list-mine").queryListView();
        await().atMost(PATIENCE).until(() -> onFx(() -> mine.getItems().size()) == 1);
        onFx(() -> {
            mine.getSelectionModel().select(0);
            return null;
        });
        return robot.lookup("#thread").queryListView();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
