package dev.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestPlatform;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSendRequest;
import dev.holdfast.protocol.http.CustomerSession;
import dev.holdfast.protocol.supervision.Board;
import dev.holdfast.protocol.supervision.BoardRow;
import dev.holdfast.protocol.supervision.ClosePreview;
import dev.holdfast.protocol.supervision.ClosePreviewRequest;
import dev.holdfast.testing.MutableClock;
import dev.holdfast.ui.shell.HoldfastWindow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * The supervision console against a real platform on loopback, on a clock the test moves: forty
 * customers at 9 a.m., some waiting long enough to be stale; the live board, the agents board, the
 * close of stale conversations (preview, choose, farewell, confirm, summary with skips, undo), the
 * audit log and its CSV; and an agent's panel without any of it.
 */
class SupervisionPanelTest extends PanelTestBase {
    private static final String[][] CUSTOMERS = {
        {"María Pérez", "es"}, {"John Smith", "en"}, {"Lucía Fernández", "es"}, {"Oliver Brown", "en"},
        {"Javier Ruiz", "es"}, {"Emma Wilson", "en"}, {"Carmen López", "es"}, {"Noah Taylor", "en"},
        {"Sofía Martín", "es"}, {"Ava Johnson", "en"}, {"Diego Sánchez", "es"}, {"Liam Davies", "en"},
        {"Paula Gómez", "es"}, {"Mia Evans", "en"}, {"Andrés Díaz", "es"}, {"Ethan Thomas", "en"},
        {"Elena Moreno", "es"}, {"Isla Roberts", "en"}, {"Pablo Muñoz", "es"}, {"Jack Walker", "en"},
        {"Laura Álvarez", "es"}, {"Grace Wright", "en"}, {"Marta Romero", "es"}, {"Henry Green", "en"},
        {"Raúl Navarro", "es"}, {"Chloe Hall", "en"}, {"Irene Torres", "es"}, {"Leo Wood", "en"},
        {"Adrián Gil", "es"}, {"Freya Clarke", "en"}, {"Nuria Vázquez", "es"}, {"Oscar Hughes", "en"},
        {"Sergio Castro", "es"}, {"Ella Turner", "en"}, {"Alba Ortega", "es"}, {"Jacob Baker", "en"},
        {"Hugo Rubio", "es"}, {"Lily Cooper", "en"}, {"Carla Molina", "es"}, {"Alfie Morris", "en"},
    };

    @Test
    void anAgentsPanelOffersNoSupervision() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5)) {
            open(p, "demo");
            robot.clickOn("#login-sign-in");
            await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
            for (String id : List.of("#view-switch", "#view-supervision", "#view-workspace", "#sup-close-stale",
                    "#board-table")) {
                assertThat(onFx(() -> robot.lookup(id).tryQuery().isPresent())).as(id).isFalse();
            }
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
            assertThat(onFx(() -> robot.lookup("#board-table").tryQuery().isPresent())).isFalse();
            robot.type(KeyCode.F1);
            assertThat(showing("#shortcut-help")).isTrue();
            assertThat(onFx(() -> robot.lookup("Switch between the workspace and the supervision console")
                    .tryQuery().isPresent())).isFalse();
        }
    }

    @Test
    void aSupervisorClosesStaleConversationsWithPreviewSummaryAndUndo() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        try (TestPlatform p = TestPlatform.start(dir, 5, clock)) {
            // 09:00: agent2 takes five conversations and answers the first; the queue fills up.
            AgentSession agent2 = agent(p, "agent2");
            List<CustomerSession> all = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                all.add(customer(p, i));
            }
            await().atMost(PATIENCE).until(() -> assignedTo(agent2, "agent2") == 5);
            agent2.send(all.get(0).conversationId(), "Hello María, I am looking into it.").get();
            for (int i = 5; i < 20; i++) {
                all.add(customer(p, i));
            }
            clock.advance(Duration.ofMinutes(8));
            for (int i = 20; i < 30; i++) {
                all.add(customer(p, i));
            }
            clock.advance(Duration.ofMinutes(3));
            // agent3 comes in, takes the five who waited longest, and their laptop drops.
            AgentSession agent3 = agent(p, "agent3");
            await().atMost(PATIENCE).until(() -> assignedTo(agent3, "agent3") == 5);
            agent3.close();
            sessions.remove(agent3);
            for (int i = 30; i < 40; i++) {
                all.add(customer(p, i));
            }
            clock.advance(Duration.ofSeconds(150));
            // agent2 is writing in one of theirs: being handled, never stale.
            agent2.typing(all.get(1).conversationId(), true);
            await().atMost(PATIENCE).until(() -> row(p, all.get(1).conversationId()).staleness().handling().size() == 1);

            HoldfastWindow window = signedInAs(p, "supervisor1");
            assertThat(showing("#view-switch")).isTrue();
            robot.type(KeyCode.F1);
            assertThat(onFx(() -> robot.lookup("Switch between the workspace and the supervision console")
                    .tryQuery().isPresent())).isTrue();
            robot.type(KeyCode.F1);
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
            assertThat(showing("#board-table")).isTrue();
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
            assertThat(showing("#board-table")).isFalse();
            assertThat(showing("#list-mine")).isTrue();
            // The toolbar's switch, pressed: the headless robot's click on it was lost now and then.
            onFx(() -> {
                ((javafx.scene.control.ToggleButton) robot.lookup("#view-supervision").query()).fire();
                return null;
            });
            await().atMost(PATIENCE).until(() -> showing("#board-table"));
            TableView<?> board = robot.lookup("#board-table").queryAs(TableView.class);
            await().atMost(PATIENCE).until(() -> onFx(() -> board.getItems().size()) == 40);
            assertThat(text("#board-summary")).startsWith("40 open or queued · ");
            screenshot(window, "supervision-board");

            // A live update keeps the row the supervisor chose.
            onFx(() -> {
                board.getSelectionModel().select(3);
                return null;
            });
            Object chosen = onFx(() -> board.getSelectionModel().getSelectedItem());
            CustomerSession late = customer(p, 0);
            await().atMost(PATIENCE).until(() -> onFx(() -> board.getItems().size()) == 41);
            assertThat(onFx(() -> board.getSelectionModel().getSelectedItem())).isSameAs(chosen);

            robot.clickOn("#sup-tab-agents");
            TableView<?> agents = robot.lookup("#agents-table").queryAs(TableView.class);
            await().atMost(PATIENCE).until(() -> onFx(() -> agents.getItems().size()) >= 3);
            screenshot(window, "supervision-agents");
            robot.clickOn("#sup-tab-board");

            // Preview: every stale conversation with why.
            robot.clickOn("#sup-close-stale");
            ListView<?> candidates = robot.lookup("#stale-candidates").queryAs(ListView.class);
            await().atMost(PATIENCE).until(() -> onFx(() -> candidates.getItems().size()) > 0);
            int stale = onFx(() -> candidates.getItems().size());
            assertThat(text("#stale-count")).isEqualTo(stale + " of " + stale + " chosen");
            assertThat(onFx(() -> robot.lookup("#stale-confirm").query().isDisabled())).isTrue(); // no reason yet
            robot.clickOn("#stale-none");
            assertThat(text("#stale-count")).isEqualTo("0 of " + stale + " chosen");
            robot.clickOn("#stale-all");
            // Leave the first one out.
            onFx(() -> {
                robot.from(candidates).lookup(".check-box").queryAs(CheckBox.class).fire();
                return null;
            });
            assertThat(text("#stale-count")).isEqualTo((stale - 1) + " of " + stale + " chosen");
            robot.clickOn("#stale-reason").write("Stale after the morning rush");
            robot.clickOn("#stale-farewell");
            assertThat(showing("#stale-farewell-en")).isTrue();
            assertThat(showing("#stale-farewell-es")).isTrue();
            assertThat(text("#stale-farewell-es")).startsWith("Gracias por escribirnos");
            assertThat(text("#stale-confirm")).isEqualTo("Close " + (stale - 1) + " conversations");
            screenshot(window, "supervision-preview");

            // Meanwhile agent2 starts answering one of the chosen (not the one left out): the platform
            // re-checks and skips it.
            String leftOut = p.http.post("/v1/supervisor/close/preview", p.supervisorToken(),
                    new ClosePreviewRequest(List.of(), null, null)).as(ClosePreview.class).candidates().get(0)
                    .conversation().id();
            int skip = all.get(2).conversationId().equals(leftOut) ? 3 : 2;
            String answered = all.get(skip).conversationId();
            agent2.typing(answered, true);
            await().atMost(PATIENCE).until(() -> !row(p, answered).staleness().handling().isEmpty());
            robot.clickOn("#stale-confirm");
            await().atMost(PATIENCE).until(() -> showing("#summary-dialog"));
            screenshot(window, "supervision-summary");
            // Closing frees agent2's room, and routing may hand agent2 a queued one that was chosen too:
            // the platform skips that one as changed. Every chosen one is either closed or skipped.
            int closed = Integer.parseInt(text("#summary-closed").replaceAll("\\D+", ""));
            int skipped = onFx(() -> robot.lookup("#summary-skipped-list .label").queryAll().size());
            assertThat(closed + skipped).isEqualTo(stale - 1);
            assertThat(text("#summary-skipped")).isEqualTo(skipped == 1 ? "1 left open:" : skipped + " left open:");
            assertThat(onFx(() -> robot.lookup("#summary-skipped-list .label").queryAllAs(javafx.scene.control.Label.class)
                    .stream().map(javafx.scene.control.Label::getText).toList()))
                    .contains("• " + CUSTOMERS[skip][0] + ": its agent is handling it");
            // The platform's clock stands still in this test while the desk's runs: a few seconds may be gone.
            assertThat(text("#summary-undo")).matches("Undo \\([45]:\\d\\d\\)");
            await().atMost(PATIENCE).until(() -> onFx(() -> board.getItems().size()) == 41 - closed);

            robot.clickOn("#summary-undo");
            await().atMost(PATIENCE).until(() -> text("#summary-undone").equals(closed
                    + " conversations reopened."));
            screenshot(window, "supervision-undone");
            robot.clickOn("#summary-cancel");
            assertThat(showing("#summary-dialog")).isFalse();
            await().atMost(PATIENCE).until(() -> onFx(() -> board.getItems().size()) == 41);

            // The audit log: the closes and the reopens, newest first; its CSV to a file.
            robot.clickOn("#sup-tab-audit");
            TableView<?> audit = robot.lookup("#audit-table").queryAs(TableView.class);
            await().atMost(PATIENCE).until(() -> onFx(() -> audit.getItems().size()) == 2 * closed);
            screenshot(window, "supervision-audit");
            Path csv = dir.resolve("audit.csv");
            onFx(() -> {
                window.supervision().orElseThrow().exportAuditTo(csv);
                return null;
            });
            await().atMost(PATIENCE).until(() -> text("#audit-notice").startsWith("Saved the audit log to"));
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(1 + 2 * closed);
            assertThat(String.join("\n", lines)).contains("Stale after the morning rush");

            // agent3 is gone with conversations still theirs: reassign them, and say what happened.
            robot.clickOn("#sup-tab-agents");
            int agent3Row = onFx(() -> {
                for (int i = 0; i < agents.getItems().size(); i++) {
                    agents.getSelectionModel().select(i);
                    if (agents.getColumns().get(0).getCellData(i).toString().contains("agent3")) {
                        return i;
                    }
                }
                return -1;
            });
            assertThat(agent3Row).isNotNegative();
            assertThat(onFx(() -> robot.lookup("#agents-reassign").query().isDisabled())).isFalse();
            robot.clickOn("#agents-reassign");
            assertThat(showing("#reassign-dialog")).isTrue();
            assertThat(text("#reassign-reason")).isEqualTo("Agent offline");
            robot.clickOn("#reassign-confirm");
            await().atMost(PATIENCE).until(() -> text("#agents-notice").startsWith("Reassigned "));
            assertThat(text("#agents-notice")).contains(" of agent3; ");
            screenshot(window, "supervision-agents-reassigned");

            // The same in Spanish, in the dark.
            robot.clickOn("#sup-tab-board");
            onFx(() -> {
                window.language().use("es");
                dev.holdfast.ui.shell.Theme.apply(true);
                return null;
            });
            assertThat(text("#board-summary")).startsWith("41 abiertas o en cola");
            screenshot(window, "supervision-board-dark-es");
            // Back in English, at 130 % text size: the columns grow with the text.
            onFx(() -> {
                dev.holdfast.ui.shell.Theme.apply(false);
                window.language().use("en");
                window.textSize().larger();
                window.textSize().larger();
                return null;
            });
            screenshot(window, "supervision-board-text-130");
            assertThat(late.conversationId()).isNotBlank();
        }
    }

    private HoldfastWindow signedInAs(TestPlatform p, String user) throws Exception {
        HoldfastWindow window = open(p, "demo");
        onFx(() -> {
            robot.lookup("#login-user").queryTextInputControl().setText(user);
            return null;
        });
        robot.clickOn("#login-sign-in");
        await().atMost(PATIENCE).until(() -> "Live".equals(text("#status-text")));
        return window;
    }

    private AgentSession agent(TestPlatform p, String user) throws Exception {
        AgentSession s = new AgentSession(p.platform.baseUri(), dir.resolve(user), Clock.systemUTC());
        sessions.add(s);
        s.signIn(user, "demo".toCharArray()).get();
        await().atMost(PATIENCE).until(() -> s.status().get() instanceof SessionStatus.Live);
        return s;
    }

    private static long assignedTo(AgentSession s, String user) {
        return s.heldConversations().stream().filter(c -> c.status() == ConversationStatus.ASSIGNED
                && user.equals(c.assignee())).count();
    }

    private static CustomerSession customer(TestPlatform p, int i) {
        String[] who = CUSTOMERS[i % CUSTOMERS.length];
        CustomerSession c = p.http.post("/v1/customer/conversations", null,
                new CustomerOpenRequest(who[0], who[1], "web", List.of())).as(CustomerSession.class);
        p.http.post("/v1/customer/messages", c.customerToken(), new CustomerSendRequest(UUID.randomUUID().toString(),
                "es".equals(who[1]) ? "Hola, ¿me pueden ayudar con mi pedido?" : "Hi, can you help me with my order?"));
        return c;
    }

    private static BoardRow row(TestPlatform p, String id) {
        Board b = p.http.get("/v1/supervisor/board", p.supervisorToken()).as(Board.class);
        return b.rows().stream().filter(r -> r.conversation().id().equals(id)).findFirst().orElseThrow();
    }

}
