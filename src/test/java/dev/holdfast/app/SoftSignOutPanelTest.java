package dev.holdfast.app;

import static dev.holdfast.app.PanelTestBase.onFx;
import static dev.holdfast.app.PanelTestBase.screenshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestCustomer;
import dev.holdfast.client.TestPlatform;
import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.protocol.http.AdminResult;
import dev.holdfast.protocol.http.RefreshRequest;
import dev.holdfast.ui.shell.HoldfastWindow;
import dev.holdfast.ui.workspace.ConversationItem;
import dev.holdfast.ui.workspace.MessageItem;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;

/**
 * The soft sign-out in the panel, headless, against a real platform: the platform refuses the
 * desk's refresh, the sign-in-again dialog comes up over the workspace (which stays), a message
 * written meanwhile waits, and signing in again brings the desk back to Live and sends it.
 */
class SoftSignOutPanelTest extends PanelTestBase {
    @Test
    void theDialogComesUpOverTheWorkspaceAndSigningInAgainSendsWhatWaited() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5)) {
            HoldfastWindow window = open(p, "demo");
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
            assertThat(showing("#reauth-dialog")).isFalse();
            AgentSession session = sessions.get(sessions.size() - 1);

            try (TestCustomer customer = new TestCustomer(p.platform.baseUri(), "María", "es")) {
                customer.send("Hola, ¿hay alguien?");
                ListView<ConversationItem> mine = robot.lookup("#list-mine").queryListView();
                await().atMost(PATIENCE).until(() -> onFx(() -> mine.getItems().size()) == 1);
                String conversationId = onFx(() -> {
                    mine.getSelectionModel().select(0);
                    return mine.getItems().get(0).id();
                });

                // Signed out elsewhere: the refresh token is revoked, then the access token expires.
                String refresh = session.journal().orElseThrow().refreshToken().orElseThrow();
                assertThat(p.http.post("/v1/auth/logout", null, new RefreshRequest(refresh)).status()).isEqualTo(204);
                p.http.post("/admin/expire-tokens", TestPlatform.ADMIN, null).as(AdminResult.class);
                await().atMost(PATIENCE).until(() -> showing("#reauth-dialog"));
                assertThat(session.status().get()).isInstanceOf(SessionStatus.NeedsPassword.class);

                // Written while the platform refuses the desk: kept, queued, in sight behind the dialog.
                session.send(conversationId, "Sigo aquí, un momento").get();
                ListView<MessageItem> thread = robot.lookup("#thread").queryListView();
                await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                        .anyMatch(m -> m.mine() && m.delivery() == DeliveryState.QUEUED)));
                assertThat(showing("#list-mine")).isTrue();
                assertThat(showing("#thread")).isTrue();
                assertThat(onFx(() -> mine.getItems().size())).isEqualTo(1);
                assertThat(text("#reauth-user")).isEqualTo("agent1");
                assertThat(text("#reauth-reason")).contains("password again");
                assertThat(text("#status-text")).isEqualTo("Sign in again");
                screenshot(window, "05-sign-in-again");

                robot.clickOn("#reauth-password").write("demo");
                robot.clickOn("#reauth-sign-in");
                await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
                await().atMost(PATIENCE).until(() -> onFx(() -> thread.getItems().stream()
                        .anyMatch(m -> m.mine() && m.delivery() == DeliveryState.SENT
                                && "Sigo aquí, un momento".equals(m.text()))));
                assertThat(showing("#reauth-dialog")).isFalse();
                assertThat(text("#reauth-password")).isEmpty();
                await().atMost(PATIENCE).until(() -> "1 message that waited has been sent".equals(text("#status-note")));
                screenshot(window, "06-back-after-sign-in-again");
            }
        }
    }
}
