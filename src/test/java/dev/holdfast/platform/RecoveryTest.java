package dev.holdfast.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.platform.PlatformFixture.Agent;
import dev.holdfast.platform.PlatformFixture.Customer;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.EventPage;
import dev.holdfast.protocol.http.Health;
import dev.holdfast.protocol.http.RestoreRequest;
import dev.holdfast.protocol.http.RestoreResponse;
import dev.holdfast.protocol.http.VersionedAction;
import dev.holdfast.protocol.http.WipeResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wipes, epochs, restores with valid and forged receipts, and restarts of the durable store. */
class RecoveryTest {
    @TempDir
    Path dir;

    private static List<ConversationEvent> history(PlatformFixture f, Agent a, String conversationId) {
        return f.http.get("/v1/conversations/" + conversationId + "/events?after=0&limit=500", a.token())
                .as(EventPage.class).events();
    }

    private static RestoreResponse.Result restore(PlatformFixture f, Agent a, String conversationId,
                                                  List<ConversationEvent> events) {
        RestoreResponse r = f.http.post("/v1/restore", a.token(), new RestoreRequest(a.deviceId,
                List.of(new RestoreRequest.Item(conversationId, events)))).as(RestoreResponse.class);
        return r.results().get(0);
    }

    @Test
    void wipeGivesANewEpochClosesSocketsAndAStaleHelloIsToldToRestore() throws Exception {
        try (PlatformFixture f = new PlatformFixture(dir)) {
            Agent a1 = f.agent("agent1");
            String oldEpoch = a1.welcome.epoch();
            WipeResponse wiped = f.http.post("/admin/wipe", PlatformFixture.ADMIN, null).as(WipeResponse.class);
            assertThat(wiped.oldEpoch()).isEqualTo(oldEpoch);
            assertThat(wiped.newEpoch()).isNotEqualTo(oldEpoch);
            assertThat(a1.ws.awaitClose()).isEqualTo(4003);
            assertThat(f.http.get("/health", null).as(Health.class).epoch()).isEqualTo(wiped.newEpoch());

            a1.ws = f.socket("/v1/ws");
            a1.ws.send(new ClientFrame.Hello(Limits.PROTOCOL_VERSION, a1.token(), a1.deviceId, oldEpoch,
                    a1.welcome.sessionId(), Map.of()));
            ServerFrame.Error changed = a1.ws.await(ServerFrame.Error.class);
            assertThat(changed.code()).isEqualTo(ErrorCode.EPOCH_CHANGED);
            assertThat(changed.epoch()).isEqualTo(wiped.newEpoch());
            assertThat(a1.ws.awaitClose()).isEqualTo(4000);

            // The access token outlives the wipe: the agent reconnects with the new epoch, no sign-in.
            ServerFrame.Welcome w = a1.connect(wiped.newEpoch(), null, Map.of());
            assertThat(w.epoch()).isEqualTo(wiped.newEpoch());
        }
    }

    @Test
    void restoreBringsTheConversationBackToItsAgentWithHeldCustomerMessagesAfterIt() throws Exception {
        try (PlatformFixture f = new PlatformFixture(dir)) {
            Agent a1 = f.agent("agent1");
            Customer c = f.customerOf(a1, "María", "es");
            c.send("Hola");
            a1.send(c.conversationId(), "¡Hola! ¿En qué puedo ayudarte?");
            List<ConversationEvent> journal = history(f, a1, c.conversationId());
            assertThat(journal).hasSize(4);

            String newEpoch = f.http.post("/admin/wipe", PlatformFixture.ADMIN, null).as(WipeResponse.class).newEpoch();
            c.connect(journal.get(journal.size() - 1).seq());
            ServerFrame.Ack held = c.send("¿Sigues ahí?");
            assertThat(held.event()).isNull();
            assertThat(held.pendingId()).isNotBlank();
            // A retry of the held message is the same message.
            c.ws.send(new ClientFrame.Send(c.conversationId(), held.clientMessageId(), "¿Sigues ahí?"));
            assertThat(c.ws.await(ServerFrame.Ack.class).pendingId()).isEqualTo(held.pendingId());

            a1.connect(newEpoch, null, Map.of());
            RestoreResponse.Result result = restore(f, a1, c.conversationId(), journal);
            // The customer's message recreated it, so the history is merged into that shell.
            assertThat(result.outcome()).isEqualTo(RestoreResponse.Outcome.MERGED);
            assertThat(result.accepted()).isEqualTo(4);
            assertThat(result.rejected()).isEmpty();
            assertThat(result.conversation().assignee()).isEqualTo("agent1");
            assertThat(result.conversation().status()).isEqualTo(ConversationStatus.ASSIGNED);
            assertThat(result.conversation().restored()).isTrue();

            List<ConversationEvent> after = history(f, a1, c.conversationId());
            assertThat(after.subList(0, 4)).isEqualTo(journal);
            assertThat(after.get(4).kind()).isEqualTo(EventKind.RESTORED);
            assertThat(after.get(5).text()).isEqualTo("¿Sigues ahí?");
            assertThat(after).extracting(ConversationEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);

            // The agent's panel hears about it, and the customer sees it too.
            a1.awaitAssigned(c.conversationId());
            c.ws.await(ServerFrame.Conversation.class);

            // Uploading the same again changes nothing.
            assertThat(restore(f, a1, c.conversationId(), journal).outcome())
                    .isEqualTo(RestoreResponse.Outcome.UNCHANGED);
        }
    }

    @Test
    void aForgedReceiptOrAlteredTextIsRejectedEventByEvent() throws Exception {
        try (PlatformFixture f = new PlatformFixture(dir)) {
            Agent a1 = f.agent("agent1");
            Customer c = f.customerOf(a1, "Eve", "en");
            c.send("I need a refund");
            List<ConversationEvent> journal = new ArrayList<>(history(f, a1, c.conversationId()));
            f.http.post("/admin/wipe", PlatformFixture.ADMIN, null);

            ConversationEvent real = journal.get(2);
            ConversationEvent altered = new ConversationEvent(real.id(), real.conversationId(), real.seq(), real.kind(),
                    real.at(), real.author(), "I need a refund of 10000 EUR", real.clientMessageId(), real.deviceId(),
                    null, null, null, real.receipt());
            journal.set(2, altered);
            journal.add(new ConversationEvent("e-forged", c.conversationId(), 4, EventKind.MESSAGE, real.at(),
                    real.author(), "forged", null, null, null, null, null, "AAAA"));

            RestoreResponse.Result result = restore(f, a1, c.conversationId(), journal);
            assertThat(result.outcome()).isEqualTo(RestoreResponse.Outcome.RESTORED);
            assertThat(result.accepted()).isEqualTo(2);
            assertThat(result.rejected()).extracting(RestoreResponse.Rejected::eventId)
                    .containsExactlyInAnyOrder(real.id(), "e-forged");
            assertThat(result.rejected()).allMatch(r -> r.reason().equals("invalid receipt"));
            assertThat(history(f, a1, c.conversationId())).extracting(ConversationEvent::text)
                    .doesNotContain("I need a refund of 10000 EUR", "forged");
        }
    }

    @Test
    void anAgentCannotRestoreAConversationTheyNeverHeld() throws Exception {
        try (PlatformFixture f = new PlatformFixture(dir)) {
            Agent a1 = f.agent("agent1");
            Customer c = f.customerOf(a1, "Kai", "en");
            List<ConversationEvent> journal = history(f, a1, c.conversationId());
            f.http.post("/admin/wipe", PlatformFixture.ADMIN, null);
            Agent a3 = new Agent(f, "agent3", f.login("agent3"), "device-agent3");
            RestoreResponse.Result result = restore(f, a3, c.conversationId(), journal);
            assertThat(result.outcome()).isEqualTo(RestoreResponse.Outcome.REJECTED);
            assertThat(result.rejected()).allMatch(r -> r.reason().equals("not your conversation"));
        }
    }

    @Test
    void twoAgentsRestoringTheSameConversationAtOnceEndWithOneCopyHeldByItsLastAgent() throws Exception {
        try (PlatformFixture f = new PlatformFixture(dir)) {
            Agent a1 = f.agent("agent1");
            Customer c = f.customer("Noa", "en");
            ServerFrame.Conversation got = a1.awaitAssigned(c.conversationId());
            c.send("first question");
            Agent a2 = f.agent("agent2");
            f.http.post("/v1/conversations/" + c.conversationId() + "/transfer", a1.token(),
                    new VersionedAction(got.conversation().version(), "agent2", null));
            List<ConversationEvent> journal1 = history(f, a1, c.conversationId());
            c.send("second question");
            a2.send(c.conversationId(), "I can help with that");
            List<ConversationEvent> journal2 = history(f, a2, c.conversationId());
            assertThat(journal2).hasSizeGreaterThan(journal1.size());
            f.http.post("/admin/wipe", PlatformFixture.ADMIN, null);

            // Agent 1's shorter copy lands first, then agent 2's: the later assignment wins, nothing doubles.
            CompletableFuture<RestoreResponse.Result> r1 = CompletableFuture.supplyAsync(
                    () -> restore(f, a1, c.conversationId(), journal1));
            CompletableFuture<RestoreResponse.Result> r2 = CompletableFuture.supplyAsync(
                    () -> restore(f, a2, c.conversationId(), journal2));
            assertThat(r1.join().rejected()).isEmpty();
            assertThat(r2.join().rejected()).isEmpty();

            List<ConversationEvent> merged = history(f, a2, c.conversationId());
            assertThat(merged.subList(0, journal2.size())).isEqualTo(journal2);
            assertThat(merged).filteredOn(e -> e.kind() == EventKind.RESTORED).hasSize(1);
            assertThat(merged).extracting(ConversationEvent::id).doesNotHaveDuplicates();
            assertThat(merged).extracting(ConversationEvent::seq)
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, merged.size()).boxed().toList());
            assertThat(f.platform.store().epoch()).isNotNull();
            EventPage page = f.http.get("/v1/conversations/" + c.conversationId() + "/events", a2.token())
                    .as(EventPage.class);
            assertThat(page.conversation().assignee()).isEqualTo("agent2");
        }
    }

    @Test
    void afterAWipeTheOwnSendIsDeduplicatedAgainstTheRestoredCopy() throws Exception {
        try (PlatformFixture f = new PlatformFixture(dir)) {
            Agent a1 = f.agent("agent1");
            Customer c = f.customerOf(a1, "Ola", "en");
            ServerFrame.Ack sent = a1.send(c.conversationId(), "on it");
            List<ConversationEvent> journal = history(f, a1, c.conversationId());
            String epoch = f.http.post("/admin/wipe", PlatformFixture.ADMIN, null).as(WipeResponse.class).newEpoch();
            restore(f, a1, c.conversationId(), journal);
            a1.connect(epoch, null, Map.of());
            // The panel never saw the ack and resends: it gets the original message back, not a copy.
            a1.ws.send(new ClientFrame.Send(c.conversationId(), sent.clientMessageId(), "on it"));
            ServerFrame.Ack again = a1.ws.await(ServerFrame.Ack.class);
            assertThat(again.event().id()).isEqualTo(sent.event().id());
        }
    }

    @Test
    void aConversationNobodyRestoresRestartsAfterTheGraceAndALateRestoreIsMergedBeforeIt() throws Exception {
        try (PlatformFixture f = new PlatformFixture(dir)) {
            Agent a1 = f.agent("agent1");
            Customer c = f.customerOf(a1, "Ivo", "en");
            c.send("before the wipe");
            List<ConversationEvent> journal = history(f, a1, c.conversationId());
            String epoch = f.http.post("/admin/wipe", PlatformFixture.ADMIN, null).as(WipeResponse.class).newEpoch();
            c.connect(0);
            c.send("after the wipe");
            f.clock.advance(Duration.ofSeconds(61));
            f.platform.maintenance().tick();

            Agent a2 = f.agent("agent2");
            ServerFrame.Conversation restarted = a2.ws.await(ServerFrame.Conversation.class,
                    x -> x.conversation().id().equals(c.conversationId())
                            && x.conversation().status() == ConversationStatus.ASSIGNED);
            assertThat(restarted.recent()).extracting(ConversationEvent::text).contains("after the wipe");

            a1.connect(epoch, null, Map.of());
            RestoreResponse.Result late = restore(f, a1, c.conversationId(), journal);
            assertThat(late.rejected()).isEmpty();
            List<ConversationEvent> merged = history(f, a2, c.conversationId());
            assertThat(merged).extracting(ConversationEvent::text).containsSubsequence("before the wipe",
                    "after the wipe");
            assertThat(merged).filteredOn(e -> e.kind() == EventKind.OPENED).hasSize(1);
            assertThat(merged.subList(0, journal.size())).isEqualTo(journal);
            assertThat(merged).extracting(ConversationEvent::seq)
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, merged.size()).boxed().toList());
        }
    }

    @Test
    void aDurableStoreKeepsItsEpochAndConversationsAcrossARestartAndSessionsAreUnknown() throws Exception {
        String store = "sqlite:" + dir.resolve("platform.db");
        String epoch;
        String conversationId;
        String session;
        long cursor;
        PlatformFixture.Agent a1;
        try (PlatformFixture f = new PlatformFixture(dir, store)) {
            a1 = f.agent("agent1");
            Customer c = f.customer("Dee", "en");
            ServerFrame.Conversation got = a1.awaitAssigned(c.conversationId());
            conversationId = c.conversationId();
            cursor = got.conversation().lastSeq();
            c.send("are you there?");
            epoch = a1.welcome.epoch();
            session = a1.welcome.sessionId();
        }
        try (PlatformFixture f = new PlatformFixture(dir, store)) {
            assertThat(f.platform.store().epoch()).isEqualTo(epoch);
            Agent again = new Agent(f, "agent1", a1.tokens, a1.deviceId);
            again.ws = f.socket("/v1/ws");
            again.ws.send(new ClientFrame.Hello(Limits.PROTOCOL_VERSION, again.token(), again.deviceId, epoch, session,
                    Map.of(conversationId, cursor)));
            ServerFrame.Error unknown = again.ws.await(ServerFrame.Error.class);
            assertThat(unknown.code()).isEqualTo(ErrorCode.SESSION_UNKNOWN);
            ServerFrame.Welcome w = again.ws.await(ServerFrame.Welcome.class);
            assertThat(w.resumed()).isFalse();
            assertThat(w.epoch()).isEqualTo(epoch);
            ServerFrame.Event missed = again.ws.await(ServerFrame.Event.class);
            assertThat(missed.event().text()).isEqualTo("are you there?");
            assertThat(missed.event().seq()).isEqualTo(cursor + 1);
        }
    }

    @Test
    void aCursorTooFarBehindGetsASnapshot() throws Exception {
        try (PlatformFixture f = new PlatformFixture(dir)) {
            Agent a1 = f.agent("agent1");
            Customer c = f.customerOf(a1, "Zoe", "en");
            a1.ws.close();
            a1.connect(a1.welcome.epoch(), a1.welcome.sessionId(), Map.of(c.conversationId(), 99L));
            ServerFrame.Error tooOld = a1.ws.await(ServerFrame.Error.class);
            assertThat(tooOld.code()).isEqualTo(ErrorCode.CURSOR_TOO_OLD);
            assertThat(tooOld.conversationId()).isEqualTo(c.conversationId());
            ServerFrame.Conversation snapshot = a1.ws.await(ServerFrame.Conversation.class);
            assertThat(snapshot.recent()).extracting(ConversationEvent::seq).containsExactly(1L, 2L);
        }
    }
}
