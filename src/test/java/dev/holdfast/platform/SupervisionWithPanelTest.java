package dev.holdfast.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestPlatform;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSession;
import dev.holdfast.protocol.supervision.AuditAction;
import dev.holdfast.protocol.supervision.AuditEntry;
import dev.holdfast.protocol.supervision.AuditPage;
import dev.holdfast.protocol.supervision.Board;
import dev.holdfast.protocol.supervision.BulkCloseRequest;
import dev.holdfast.protocol.supervision.BulkCloseResult;
import dev.holdfast.protocol.supervision.HandlingReason;
import dev.holdfast.protocol.supervision.SkipReason;
import dev.holdfast.protocol.supervision.Skipped;
import dev.holdfast.protocol.supervision.Target;
import dev.holdfast.testing.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervision with a real agent panel (the client core's AgentSession), and across a restart. */
class SupervisionWithPanelTest {
    @TempDir
    Path dir;

    private static CustomerSession customer(TestPlatform p, String name) {
        return p.http.post("/v1/customer/conversations", null,
                new CustomerOpenRequest(name, "en", "web", List.of())).as(CustomerSession.class);
    }

    @Test
    void aPanelWhoseClockRunsAheadIsJudgedOnThePlatformClockAndItsTypingProtectsTheConversation() throws Exception {
        MutableClock platformClock = new MutableClock();
        try (TestPlatform p = TestPlatform.start(dir.resolve("p"), "memory", 5, platformClock, null);
             AgentSession panel = new AgentSession(p.platform.baseUri(), dir.resolve("panel"),
                     Clock.offset(platformClock, Duration.ofSeconds(-7)))) {
            panel.signIn("agent1", "demo".toCharArray()).get(20, TimeUnit.SECONDS);
            String id = customer(p, "Dana").conversationId();
            await().atMost(Duration.ofSeconds(20)).until(() -> panel.heldConversations().stream()
                    .anyMatch(c -> c.id().equals(id) && c.status() == ConversationStatus.ASSIGNED));
            platformClock.advance(Duration.ofMinutes(31));

            panel.typing(id, true);
            String sup = p.supervisorToken();
            await().atMost(Duration.ofSeconds(10)).until(() -> p.http.get("/v1/supervisor/board", sup)
                    .as(Board.class).rows().stream().anyMatch(r -> r.conversation().id().equals(id)
                            && r.staleness().handling().contains(HandlingReason.TYPING)));
            ConversationSummary seen = p.http.get("/v1/conversations/" + id, sup).as(ConversationSummary.class);

            // 2 min 59 s later on the platform's clock (the panel's says 2 min 52 s): still handling.
            platformClock.advance(Duration.ofSeconds(179));
            BulkCloseResult kept = p.http.post("/v1/supervisor/close", sup, new BulkCloseRequest(
                    List.of(new Target(id, seen.version())), "stale", null)).as(BulkCloseResult.class);
            assertThat(kept.skipped()).containsExactly(new Skipped(id, SkipReason.ACTIVE_HANDLING));

            platformClock.advance(Duration.ofSeconds(2));
            BulkCloseResult closed = p.http.post("/v1/supervisor/close", sup, new BulkCloseRequest(
                    List.of(new Target(id, seen.version())), "stale", null)).as(BulkCloseResult.class);
            assertThat(closed.closed()).containsExactly(id);
        }
    }

    @Test
    void withTheSqliteStoreTheAuditLogOutlivesAWipeAndARestart() throws Exception {
        MutableClock clock = new MutableClock();
        String conversation;
        try (TestPlatform p = TestPlatform.start(dir, "sqlite:" + dir.resolve("live.db"), 5, clock, null)) {
            String sup = p.supervisorToken();
            conversation = customer(p, "Eve").conversationId();
            ConversationSummary queued = p.http.get("/v1/conversations/" + conversation, sup)
                    .as(ConversationSummary.class);
            p.http.post("/v1/supervisor/close", sup, new BulkCloseRequest(
                    List.of(new Target(conversation, queued.version())), "spam", null)).as(BulkCloseResult.class);
            p.wipe();
        }
        try (TestPlatform p = TestPlatform.start(dir, "sqlite:" + dir.resolve("live.db"), 5, clock, null)) {
            List<AuditEntry> entries = p.http.get("/v1/supervisor/audit", p.supervisorToken()).as(AuditPage.class)
                    .entries();
            assertThat(entries).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo(AuditAction.CLOSE);
                assertThat(e.conversationId()).isEqualTo(conversation);
                assertThat(e.reason()).isEqualTo("spam");
            });
            assertThat(p.http.get("/v1/supervisor/audit.csv", p.supervisorToken()).body()).contains(",spam,");
        }
    }
}
