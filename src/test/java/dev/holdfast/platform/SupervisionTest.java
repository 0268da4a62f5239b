package dev.holdfast.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.platform.PlatformFixture.Agent;
import dev.holdfast.platform.PlatformFixture.Customer;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.supervision.AgentBoard;
import dev.holdfast.protocol.supervision.AgentHealth;
import dev.holdfast.protocol.supervision.AuditAction;
import dev.holdfast.protocol.supervision.AuditEntry;
import dev.holdfast.protocol.supervision.AuditPage;
import dev.holdfast.protocol.supervision.Board;
import dev.holdfast.protocol.supervision.BoardRow;
import dev.holdfast.protocol.supervision.BulkCloseRequest;
import dev.holdfast.protocol.supervision.BulkCloseResult;
import dev.holdfast.protocol.supervision.BulkReassignRequest;
import dev.holdfast.protocol.supervision.BulkReassignResult;
import dev.holdfast.protocol.supervision.Moved;
import dev.holdfast.protocol.supervision.ClosePreview;
import dev.holdfast.protocol.supervision.ClosePreviewRequest;
import dev.holdfast.protocol.supervision.ConnectionHealth;
import dev.holdfast.protocol.supervision.HandlingReason;
import dev.holdfast.protocol.supervision.SkipReason;
import dev.holdfast.protocol.supervision.Skipped;
import dev.holdfast.protocol.supervision.StaleReason;
import dev.holdfast.protocol.supervision.StaleRules;
import dev.holdfast.protocol.supervision.Target;
import dev.holdfast.protocol.supervision.UndoResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervision API against a real platform on loopback, on a hand-moved clock. */
class SupervisionTest {
    @TempDir
    Path dir;
    PlatformFixture f;
    private String supToken;
    private long supTokenAt;

    @BeforeEach
    void start() throws Exception {
        f = new PlatformFixture(dir);
    }

    /** The supervisor's access token, renewed when the test clock has moved past its lifetime. */
    String sup() {
        if (supToken == null || f.clock.millis() - supTokenAt > Duration.ofMinutes(10).toMillis()) {
            supToken = f.login("supervisor1").accessToken();
            supTokenAt = f.clock.millis();
        }
        return supToken;
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    private ConversationSummary assignedTo(Agent agent) {
        Customer c = f.customer("Customer of " + agent.user, "en");
        return agent.awaitAssigned(c.conversationId()).conversation();
    }

    /** Everything the agent sent before this has been handled by the platform. */
    static void sync(Agent agent) {
        String nonce = UUID.randomUUID().toString();
        agent.ws.send(new ClientFrame.Ping(nonce));
        agent.ws.await(ServerFrame.Pong.class, p -> p.nonce().equals(nonce));
    }

    private BoardRow row(String conversationId) {
        Board board = f.http.get("/v1/supervisor/board", sup()).as(Board.class);
        return board.rows().stream().filter(r -> r.conversation().id().equals(conversationId)).findFirst()
                .orElseThrow();
    }

    private ConversationSummary summary(String id) {
        return f.http.get("/v1/conversations/" + id, sup()).as(ConversationSummary.class);
    }

    private BulkCloseResult bulkClose(String reason, String farewell, ConversationSummary... convs) {
        List<Target> targets = java.util.Arrays.stream(convs).map(c -> new Target(c.id(), c.version())).toList();
        return f.http.post("/v1/supervisor/close", sup(), new BulkCloseRequest(targets, reason, farewell))
                .as(BulkCloseResult.class);
    }

    @Test
    void agentsAreForbiddenOnEverySupervisionEndpoint() {
        Agent a1 = f.agent("agent1");
        ConversationSummary conv = assignedTo(a1);
        String agent = a1.token();
        List<Http.Response> attempts = List.of(
                f.http.get("/v1/supervisor/rules", agent),
                f.http.get("/v1/supervisor/board", agent),
                f.http.get("/v1/supervisor/agents", agent),
                f.http.post("/v1/supervisor/close/preview", agent, new ClosePreviewRequest(List.of(), null, null)),
                f.http.post("/v1/supervisor/close", agent, new BulkCloseRequest(
                        List.of(new Target(conv.id(), conv.version())), "mine now", null)),
                f.http.post("/v1/supervisor/close/b-anything/undo", agent, null),
                f.http.post("/v1/supervisor/reassign", agent, new BulkReassignRequest("agent2", List.of(), "x")),
                f.http.get("/v1/supervisor/audit", agent),
                f.http.get("/v1/supervisor/audit.csv", agent));
        assertThat(attempts).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.errorCode()).isEqualTo("FORBIDDEN");
        });
        assertThat(f.http.get("/v1/supervisor/board", null).errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(summary(conv.id()).status()).isEqualTo(ConversationStatus.ASSIGNED);
        assertThat(f.http.get("/v1/supervisor/audit", sup()).as(AuditPage.class).entries()).isEmpty();
    }

    @Test
    void theBoardJudgesStalenessOnThePlatformClockAndTypingIsActiveHandling() {
        StaleRules rules = f.http.get("/v1/supervisor/rules", sup()).as(StaleRules.class);
        assertThat(rules).isEqualTo(new StaleRules(1_800_000, 600_000, 120_000, 180_000));
        Agent a1 = f.agent("agent1");
        ConversationSummary conv = assignedTo(a1);

        assertThat(row(conv.id()).staleness().stale()).isFalse();
        f.clock.advance(Duration.ofMinutes(31));
        BoardRow idle = row(conv.id());
        assertThat(idle.staleness().stale()).isTrue();
        assertThat(idle.staleness().reasons()).anySatisfy(r -> {
            assertThat(r.reason()).isEqualTo(StaleReason.IDLE);
            assertThat(r.forMillis()).isGreaterThanOrEqualTo(Duration.ofMinutes(31).toMillis());
        });

        a1.ws.send(new ClientFrame.Typing(conv.id(), true));
        sync(a1);
        BoardRow typing = row(conv.id());
        assertThat(typing.staleness().stale()).isFalse();
        assertThat(typing.staleness().handling()).containsExactly(HandlingReason.TYPING);
        assertThat(typing.staleness().reasons()).extracting(r -> r.reason()).contains(StaleReason.IDLE);

        f.clock.advance(Duration.ofMinutes(4));
        assertThat(row(conv.id()).staleness().stale()).isTrue();

        AgentHealth health = f.http.get("/v1/supervisor/agents", sup()).as(AgentBoard.class).agents().stream()
                .filter(h -> h.agent().id().equals("agent1")).findFirst().orElseThrow();
        assertThat(health.connection()).isEqualTo(ConnectionHealth.LIVE);
        assertThat(health.lastTypedAt()).isEqualTo(f.clock.millis() - Duration.ofMinutes(4).toMillis());
        assertThat(health.agent().open()).isEqualTo(1);
    }

    @Test
    void aBulkCloseSkipsWhatChangedSincePreviewAndWhatIsUnderActiveHandlingAndAuditsTheRest() {
        Agent a1 = f.agent("agent1");
        ConversationSummary quiet = assignedTo(a1);
        ConversationSummary moved = assignedTo(a1);
        ConversationSummary typing = assignedTo(a1);
        f.clock.advance(Duration.ofMinutes(31));

        ClosePreview preview = f.http.post("/v1/supervisor/close/preview", sup(),
                new ClosePreviewRequest(List.of(), null, null)).as(ClosePreview.class);
        assertThat(preview.candidates()).extracting(c -> c.conversation().id())
                .contains(quiet.id(), moved.id(), typing.id());
        assertThat(preview.serverTime()).isEqualTo(f.clock.millis());
        assertThat(summary(quiet.id()).status()).isEqualTo(ConversationStatus.ASSIGNED);

        // Between preview and confirm: one is transferred, the agent types in another.
        f.http.post("/v1/conversations/" + moved.id() + "/reassign", sup(),
                new dev.holdfast.protocol.http.VersionedAction(moved.version(), "agent2", "better placed"))
                .as(ConversationSummary.class);
        a1.ws.send(new ClientFrame.Typing(typing.id(), true));
        sync(a1);

        BulkCloseResult result = bulkClose("stale after the outage", "Sorry for the wait, we are closing this chat.",
                quiet, moved, typing);
        assertThat(result.closed()).containsExactly(quiet.id());
        assertThat(result.skipped()).containsExactlyInAnyOrder(new Skipped(moved.id(), SkipReason.CHANGED),
                new Skipped(typing.id(), SkipReason.ACTIVE_HANDLING));
        assertThat(result.undoUntil()).isEqualTo(f.clock.millis() + Duration.ofMinutes(5).toMillis());
        assertThat(summary(quiet.id()).status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(summary(typing.id()).status()).isEqualTo(ConversationStatus.ASSIGNED);

        // The farewell went by the normal message path: the agent's panel gets it, then the close.
        ServerFrame.Event farewell = a1.ws.await(ServerFrame.Event.class, e -> e.event().conversationId()
                .equals(quiet.id()) && e.event().kind() == EventKind.MESSAGE);
        assertThat(farewell.event().author().id()).isEqualTo("supervisor1");
        a1.ws.await(ServerFrame.Event.class, e -> e.event().conversationId().equals(quiet.id())
                && e.event().kind() == EventKind.CLOSED);

        List<AuditEntry> audit = f.http.get("/v1/supervisor/audit", sup()).as(AuditPage.class).entries();
        assertThat(audit).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.CLOSE);
            assertThat(e.conversationId()).isEqualTo(quiet.id());
            assertThat(e.actor()).isEqualTo("supervisor1");
            assertThat(e.target()).isEqualTo("agent1");
            assertThat(e.reason()).isEqualTo("stale after the outage");
            assertThat(e.batchId()).isEqualTo(result.batchId());
            assertThat(e.at()).isEqualTo(f.clock.millis());
        });
        assertThat(audit).noneMatch(e -> e.conversationId() != null && e.conversationId().equals(typing.id()));
    }

    @Test
    void unsentMessagesProtectAConversationAlsoWhileItsPanelReconnects() {
        Agent a1 = f.agent("agent1");
        ConversationSummary conv = assignedTo(a1);
        f.clock.advance(Duration.ofMinutes(31));
        a1.ws.send(new ClientFrame.Outbox(Map.of(conv.id(), 2)));
        sync(a1);
        assertThat(row(conv.id()).staleness().handling()).containsExactly(HandlingReason.UNSENT);

        f.http.post("/admin/drop-connections", PlatformFixture.ADMIN, null);
        a1.ws.awaitClose();
        await().atMost(Duration.ofSeconds(10)).until(() -> health("agent1").connection()
                == ConnectionHealth.RECONNECTING);
        assertThat(health("agent1").unsent()).isEqualTo(2);
        assertThat(health("agent1").offlineSince()).isEqualTo(f.clock.millis());

        BulkCloseResult result = bulkClose("stale", null, summary(conv.id()));
        assertThat(result.closed()).isEmpty();
        assertThat(result.skipped()).containsExactly(new Skipped(conv.id(), SkipReason.ACTIVE_HANDLING));

        // The panel comes back, sends what it held and says so: nothing protects it any more.
        a1.tokens = f.login("agent1");
        assertThat(a1.connect(a1.welcome.epoch(), a1.welcome.sessionId(), Map.of()).resumed()).isTrue();
        a1.ws.send(new ClientFrame.Outbox(Map.of()));
        sync(a1);
        assertThat(health("agent1").unsent()).isZero();
        assertThat(row(conv.id()).staleness().stale()).isTrue();
    }

    @Test
    void typingJustBeforeTheSocketDropsKeepsTheConversationWhileTheGraceLasts() {
        Agent a1 = f.agent("agent1");
        ConversationSummary conv = assignedTo(a1);
        f.clock.advance(Duration.ofMinutes(31));
        a1.ws.send(new ClientFrame.Typing(conv.id(), true));
        sync(a1);
        f.http.post("/admin/drop-connections", PlatformFixture.ADMIN, null);
        a1.ws.awaitClose();
        await().atMost(Duration.ofSeconds(10)).until(() -> health("agent1").connection()
                == ConnectionHealth.RECONNECTING);

        f.clock.advance(Duration.ofSeconds(60));
        assertThat(bulkClose("stale", null, summary(conv.id())).skipped())
                .containsExactly(new Skipped(conv.id(), SkipReason.ACTIVE_HANDLING));

        // Past the grace, a panel still away is no longer handling it.
        f.clock.advance(Duration.ofSeconds(61));
        BoardRow gone = row(conv.id());
        assertThat(gone.staleness().handling()).isEmpty();
        assertThat(gone.staleness().reasons()).extracting(r -> r.reason()).contains(StaleReason.AGENT_DISCONNECTED);
        assertThat(bulkClose("stale", null, summary(conv.id())).closed()).containsExactly(conv.id());
    }

    @Test
    void undoWithinFiveMinutesReopensToTheAgentAndLaterIsRefused() {
        Agent a1 = f.agent("agent1");
        ConversationSummary one = assignedTo(a1);
        ConversationSummary two = assignedTo(a1);
        BulkCloseResult first = bulkClose("cleanup", null, one);
        f.clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        UndoResult undone = f.http.post("/v1/supervisor/close/" + first.batchId() + "/undo", sup(), null)
                .as(UndoResult.class);
        assertThat(undone.reopened()).containsExactly(one.id());
        ConversationSummary back = summary(one.id());
        assertThat(back.status()).isEqualTo(ConversationStatus.ASSIGNED);
        assertThat(back.assignee()).isEqualTo("agent1");
        assertThat(f.http.post("/v1/supervisor/close/" + first.batchId() + "/undo", sup(), null).as(UndoResult.class)
                .skipped()).containsExactly(new Skipped(one.id(), SkipReason.NOT_OPEN));

        BulkCloseResult second = bulkClose("cleanup", null, two);
        f.clock.advance(Duration.ofMinutes(5).plusMillis(1));
        Http.Response late = f.http.post("/v1/supervisor/close/" + second.batchId() + "/undo", sup(), null);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.errorCode()).isEqualTo("CONFLICT");
        assertThat(late.body()).contains("five minutes");
        assertThat(summary(two.id()).status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(f.http.post("/v1/supervisor/close/b-nope/undo", sup(), null).errorCode()).isEqualTo("NOT_FOUND");

        List<AuditEntry> audit = f.http.get("/v1/supervisor/audit", sup()).as(AuditPage.class).entries();
        assertThat(audit).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CLOSE, AuditAction.REOPEN, AuditAction.CLOSE);
        assertThat(audit.get(1).batchId()).isEqualTo(first.batchId());
        assertThat(audit.get(1).target()).isEqualTo("agent1");
    }

    @Test
    void aMalformedOrOversizedOutboxIsABadRequestAndLosesNothing() {
        Agent a1 = f.agent("agent1");
        ConversationSummary conv = assignedTo(a1);
        a1.ws.send(new ClientFrame.Outbox(Map.of(conv.id(), 1)));
        a1.ws.sendRaw("{\"type\":\"outbox\",\"unsent\":{\"" + conv.id() + "\":0}}");
        assertThat(a1.ws.await(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.BAD_REQUEST);
        StringBuilder big = new StringBuilder("{\"type\":\"outbox\",\"unsent\":{");
        for (int i = 0; i < 1001; i++) {
            big.append(i == 0 ? "" : ",").append("\"c-").append(i).append("\":1");
        }
        a1.ws.sendRaw(big.append("}}").toString());
        assertThat(a1.ws.await(ServerFrame.Error.class).code()).isEqualTo(ErrorCode.BAD_REQUEST);
        sync(a1);
        assertThat(a1.ws.isClosed()).isFalse();
        assertThat(health("agent1").unsent()).isEqualTo(1);
    }

    @Test
    void singleClosesReopensReassignsAndTransfersAreAuditedAndTheCsvQuotesAndHoldsNoTokens() {
        Agent a1 = f.agent("agent1");
        f.agent("agent2");
        ConversationSummary conv = assignedTo(a1);
        ConversationSummary closed = f.http.post("/v1/conversations/" + conv.id() + "/close", a1.token(),
                new dev.holdfast.protocol.http.VersionedAction(conv.version(), null, "solved, \"thanks\"\nbye"))
                .as(ConversationSummary.class);
        ConversationSummary reopened = f.http.post("/v1/conversations/" + conv.id() + "/reopen", sup(),
                new dev.holdfast.protocol.http.VersionedAction(closed.version(), null, "=not done"))
                .as(ConversationSummary.class);
        ConversationSummary reassigned = f.http.post("/v1/conversations/" + conv.id() + "/reassign", sup(),
                new dev.holdfast.protocol.http.VersionedAction(reopened.version(), "agent2", null))
                .as(ConversationSummary.class);
        f.http.post("/v1/conversations/" + conv.id() + "/transfer", f.login("agent2").accessToken(),
                new dev.holdfast.protocol.http.VersionedAction(reassigned.version(), "agent1", "customer asked"))
                .as(ConversationSummary.class);

        List<AuditEntry> transfers = f.http.get("/v1/supervisor/audit?limit=1", sup()).as(AuditPage.class).entries();
        assertThat(transfers).extracting(AuditEntry::action, AuditEntry::actor, AuditEntry::target,
                AuditEntry::reason).containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.TRANSFER, "agent2",
                "agent1", "customer asked"));
        List<AuditEntry> page = f.http.get("/v1/supervisor/audit?limit=2&before=" + transfers.get(0).id(), sup())
                .as(AuditPage.class).entries();
        assertThat(page).extracting(AuditEntry::action).containsExactly(AuditAction.REASSIGN, AuditAction.REOPEN);
        List<AuditEntry> older = f.http.get("/v1/supervisor/audit?limit=2&before=" + page.get(1).id(), sup())
                .as(AuditPage.class).entries();
        assertThat(older).extracting(AuditEntry::action).containsExactly(AuditAction.CLOSE);
        assertThat(older.get(0).actor()).isEqualTo("agent1");
        assertThat(f.http.get("/v1/supervisor/audit?limit=0", sup()).errorCode()).isEqualTo("BAD_REQUEST");

        Http.Response csv = f.http.get("/v1/supervisor/audit.csv", sup());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id,at,actor,action,conversation_id,target,reason,batch_id\r\n");
        assertThat(csv.body()).contains(",\"solved, \"\"thanks\"\"\nbye\",");
        assertThat(csv.body()).contains(",'=not done,");
        assertThat(csv.body()).doesNotContain(a1.token()).doesNotContain(sup());
    }

    @Test
    void theAuditLogOutlivesAWipe() {
        Agent a1 = f.agent("agent1");
        ConversationSummary conv = assignedTo(a1);
        bulkClose("before the wipe", null, conv);
        f.http.post("/admin/wipe", PlatformFixture.ADMIN, null);
        String fresh = f.login("supervisor1").accessToken();
        assertThat(f.http.get("/v1/supervisor/audit", fresh).as(AuditPage.class).entries())
                .extracting(AuditEntry::conversationId).containsExactly(conv.id());
        assertThat(f.http.get("/v1/supervisor/board", fresh).as(Board.class).rows()).isEmpty();
    }

    private AgentHealth health(String user) {
        return f.http.get("/v1/supervisor/agents", sup()).as(AgentBoard.class).agents().stream()
                .filter(h -> h.agent().id().equals(user)).findFirst().orElseThrow();
    }

    @Test
    void aBulkReassignMovesAnOfflineAgentsConversationsLeastLoadedFirstAndSkipsActiveOnes() {
        Agent a1 = f.agent("agent1");
        ConversationSummary one = assignedTo(a1);
        ConversationSummary two = assignedTo(a1);
        ConversationSummary three = assignedTo(a1);
        a1.ws.send(new ClientFrame.Outbox(Map.of(three.id(), 1)));
        sync(a1);
        a1.ws.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> health("agent1").connection()
                != ConnectionHealth.LIVE);
        Agent a2 = f.agent("agent2");
        Agent a3 = f.agent("agent3");
        assignedTo(a2);

        BulkReassignResult result = f.http.post("/v1/supervisor/reassign", sup(),
                new BulkReassignRequest("agent1", List.of(), "agent1 went home")).as(BulkReassignResult.class);
        assertThat(result.moved()).containsExactlyInAnyOrder(new Moved(one.id(), "agent3"),
                new Moved(two.id(), "agent2"));
        assertThat(result.skipped()).containsExactly(new Skipped(three.id(), SkipReason.ACTIVE_HANDLING));
        a3.awaitAssigned(one.id());
        assertThat(f.http.get("/v1/supervisor/audit", sup()).as(AuditPage.class).entries())
                .filteredOn(e -> e.action() == AuditAction.REASSIGN)
                .extracting(AuditEntry::conversationId, AuditEntry::target, AuditEntry::reason)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(one.id(), "agent3", "agent1 went home"),
                        org.assertj.core.groups.Tuple.tuple(two.id(), "agent2", "agent1 went home"));
        assertThat(f.http.post("/v1/supervisor/reassign", sup(), new BulkReassignRequest("nobody", List.of(), "x"))
                .errorCode()).isEqualTo("NOT_FOUND");
    }
}
