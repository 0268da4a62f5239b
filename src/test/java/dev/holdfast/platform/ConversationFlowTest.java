package dev.holdfast.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.platform.PlatformFixture.Agent;
import dev.holdfast.platform.PlatformFixture.Customer;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.Presence;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.ConversationList;
import dev.holdfast.protocol.http.EventPage;
import dev.holdfast.protocol.http.Health;
import dev.holdfast.protocol.http.SendRequest;
import dev.holdfast.protocol.http.VersionedAction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing, queue, transfer, send and receive, dedup and catch-up against a real platform on loopback. */
class ConversationFlowTest {
    @TempDir
    Path dir;
    PlatformFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new PlatformFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    @Test
    void healthReportsStoreAndEpoch() {
        Health h = f.http.get("/health", null).as(Health.class);
        assertThat(h.status()).isEqualTo("ok");
        assertThat(h.store()).isEqualTo("memory");
        assertThat(h.protocol()).isEqualTo(1);
        assertThat(h.epoch()).isEqualTo(f.platform.store().epoch()).startsWith("ep-");
    }

    @Test
    void aCustomerSeesNoneOfTheAgentsDeviceOutboxOrReceipts() {
        Agent alex = f.agent("agent1");
        alex.ws.await(ServerFrame.Synced.class);
        Customer maria = f.customer("María", "es");
        alex.awaitAssigned(maria.conversationId());
        maria.connect(0);
        ServerFrame.Ack own = maria.send("Hola");
        ServerFrame.Ack reply = alex.send(maria.conversationId(), "Hola María");
        assertThat(reply.event().deviceId()).isEqualTo(alex.deviceId);
        assertThat(reply.event().receipt()).isNotBlank();

        // Live, over the customer's socket.
        ConversationEvent live = maria.ws.await(ServerFrame.Event.class,
                e -> e.event().id().equals(reply.event().id())).event();
        assertThat(live.text()).isEqualTo("Hola María");
        assertThat(live.deviceId()).isNull();
        assertThat(live.clientMessageId()).isNull();
        assertThat(live.receipt()).isNull();
        // On catching up over a new socket, and over HTTP.
        maria.ws.close();
        WsPeer again = f.socket("/v1/customer/ws");
        again.send(new ClientFrame.Hello(Limits.PROTOCOL_VERSION, maria.session.customerToken(),
                maria.session.customerId(), null, null, Map.of(maria.conversationId(), 0L)));
        ConversationEvent replayed = again.await(ServerFrame.Event.class,
                e -> e.event().id().equals(reply.event().id())).event();
        again.close();
        assertThat(replayed.deviceId()).isNull();
        assertThat(replayed.clientMessageId()).isNull();
        EventPage page = f.http.get("/v1/customer/events?after=0", maria.session.customerToken()).as(EventPage.class);
        assertThat(page.events()).allSatisfy(e -> assertThat(e.receipt()).isNull());
        ConversationEvent fromPage = page.events().stream().filter(e -> e.id().equals(reply.event().id()))
                .findFirst().orElseThrow();
        assertThat(fromPage.deviceId()).isNull();
        assertThat(fromPage.clientMessageId()).isNull();
        // The customer's own message keeps the id its widget matches acks and resends by.
        ConversationEvent mine = page.events().stream().filter(e -> e.id().equals(own.event().id()))
                .findFirst().orElseThrow();
        assertThat(mine.clientMessageId()).isEqualTo(own.clientMessageId());
    }

    @Test
    void newConversationGoesToTheAvailableAgentAndMessagesFlowBothWays() {
        Agent alex = f.agent("agent1");
        alex.ws.await(ServerFrame.Synced.class);
        Customer maria = f.customer("María", "es");

        ServerFrame.Conversation assigned = alex.awaitAssigned(maria.conversationId());
        assertThat(assigned.conversation().status()).isEqualTo(ConversationStatus.ASSIGNED);
        assertThat(assigned.conversation().assignee()).isEqualTo("agent1");
        assertThat(assigned.recent()).extracting(ConversationEvent::kind)
                .containsExactly(EventKind.OPENED, EventKind.ASSIGNED);

        ServerFrame.Ack fromCustomer = maria.send("Hola, mi pedido no llegó");
        ServerFrame.Event received = alex.ws.await(ServerFrame.Event.class, e -> e.event().isMessage());
        assertThat(received.event()).isEqualTo(fromCustomer.event());
        assertThat(received.event().seq()).isEqualTo(3);
        assertThat(received.event().receipt()).isNotBlank();

        ServerFrame.Ack reply = alex.send(maria.conversationId(), "¡Hola María! Lo reviso ahora mismo.");
        assertThat(reply.event().seq()).isEqualTo(4);
        ServerFrame.Event toCustomer = maria.ws.await(ServerFrame.Event.class,
                e -> e.event().seq() == 4);
        assertThat(toCustomer.event().text()).isEqualTo("¡Hola María! Lo reviso ahora mismo.");
        assertThat(toCustomer.event().author().id()).isEqualTo("agent1");
    }

    @Test
    void routingPicksTheLeastLoadedAgent() {
        Agent a1 = f.agent("agent1");
        Agent a2 = f.agent("agent2");
        for (int i = 0; i < 4; i++) {
            f.customer("Customer " + i, "en");
        }
        ConversationList mine1 = f.http.get("/v1/conversations?scope=mine", a1.token()).as(ConversationList.class);
        ConversationList mine2 = f.http.get("/v1/conversations?scope=mine", a2.token()).as(ConversationList.class);
        assertThat(mine1.conversations()).hasSize(2);
        assertThat(mine2.conversations()).hasSize(2);
    }

    @Test
    void withoutAnAvailableAgentTheConversationWaitsInTheQueueUntilTaken() {
        Agent a1 = f.agent("agent1");
        a1.ws.send(new ClientFrame.SetPresence(Presence.AWAY));
        // The presence frame is applied asynchronously; wait until the platform reports it.
        org.awaitility.Awaitility.await().until(() -> f.http.get("/v1/agents", a1.token()).body().contains("\"away\""));
        Customer c = f.customer("Sam", "en");

        ConversationList queue = f.http.get("/v1/conversations?scope=queue", a1.token()).as(ConversationList.class);
        assertThat(queue.conversations()).extracting(ConversationSummary::id).containsExactly(c.conversationId());
        ServerFrame.Conversation queued = a1.ws.await(ServerFrame.Conversation.class,
                x -> x.conversation().id().equals(c.conversationId()));
        assertThat(queued.conversation().status()).isEqualTo(ConversationStatus.QUEUED);

        long version = queue.conversations().get(0).version();
        Http.Response stale = f.http.post("/v1/conversations/" + c.conversationId() + "/accept", a1.token(),
                new VersionedAction(version + 5, null, null));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.errorCode()).isEqualTo("CONFLICT");

        ConversationSummary taken = f.http.post("/v1/conversations/" + c.conversationId() + "/accept", a1.token(),
                new VersionedAction(version, null, null)).as(ConversationSummary.class);
        assertThat(taken.assignee()).isEqualTo("agent1");
        assertThat(taken.version()).isEqualTo(version + 1);

        Http.Response again = f.http.post("/v1/conversations/" + c.conversationId() + "/accept",
                f.login("agent2").accessToken(), new VersionedAction(taken.version(), null, null));
        assertThat(again.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void aQueuedConversationGoesToTheFirstAgentWhoComesOnline() {
        Customer c = f.customer("Early bird", "en");
        assertThat(f.platform.store().epoch()).isNotNull();
        Agent a2 = f.agent("agent2");
        ServerFrame.Conversation got = a2.ws.await(ServerFrame.Conversation.class,
                x -> x.conversation().id().equals(c.conversationId())
                        && x.conversation().status() == ConversationStatus.ASSIGNED);
        assertThat(got.conversation().assignee()).isEqualTo("agent2");
    }

    @Test
    void transferMovesTheConversationAndTheFormerAgentCanNoLongerWrite() {
        Agent a1 = f.agent("agent1");
        Customer c = f.customer("Lee", "en");
        ServerFrame.Conversation mine = a1.awaitAssigned(c.conversationId());
        Agent a2 = f.agent("agent2");

        ConversationSummary moved = f.http.post("/v1/conversations/" + c.conversationId() + "/transfer", a1.token(),
                new VersionedAction(mine.conversation().version(), "agent2", "billing question"))
                .as(ConversationSummary.class);
        assertThat(moved.assignee()).isEqualTo("agent2");

        ServerFrame.Conversation arrived = a2.ws.await(ServerFrame.Conversation.class,
                x -> x.conversation().id().equals(c.conversationId()) && "agent2".equals(x.conversation().assignee()));
        assertThat(arrived.recent()).extracting(ConversationEvent::kind).endsWith(EventKind.TRANSFERRED);
        ServerFrame.Event told = a1.ws.await(ServerFrame.Event.class, e -> e.event().kind() == EventKind.TRANSFERRED);
        assertThat(told.event().assignee()).isEqualTo("agent2");

        a1.ws.send(new ClientFrame.Send(c.conversationId(), UUID.randomUUID().toString(), "still here?"));
        ServerFrame.Error refused = a1.ws.await(ServerFrame.Error.class);
        assertThat(refused.code().name()).isEqualTo("FORBIDDEN");
    }

    @Test
    void theSameClientMessageIdGivesTheSameAckAndADifferentPayloadIsRefused() {
        Agent a1 = f.agent("agent1");
        Customer c = f.customerOf(a1, "Kim", "en");

        String id = UUID.randomUUID().toString();
        a1.ws.send(new ClientFrame.Send(c.conversationId(), id, "Hello Kim"));
        ServerFrame.Ack first = a1.ws.await(ServerFrame.Ack.class);
        a1.ws.send(new ClientFrame.Send(c.conversationId(), id, "Hello Kim"));
        ServerFrame.Ack second = a1.ws.await(ServerFrame.Ack.class);
        assertThat(second.event()).isEqualTo(first.event());

        ServerFrame.Ack overHttp = f.http.post("/v1/conversations/" + c.conversationId() + "/messages", a1.token(),
                new SendRequest(a1.deviceId, id, "Hello Kim")).as(ServerFrame.Ack.class);
        assertThat(overHttp.event()).isEqualTo(first.event());

        a1.ws.send(new ClientFrame.Send(c.conversationId(), id, "Hello Kim, edited"));
        ServerFrame.Error mismatch = a1.ws.await(ServerFrame.Error.class);
        assertThat(mismatch.code().name()).isEqualTo("IDEMPOTENCY_MISMATCH");
        assertThat(mismatch.ref()).isEqualTo(id);

        EventPage page = f.http.get("/v1/conversations/" + c.conversationId() + "/events?after=0", a1.token())
                .as(EventPage.class);
        assertThat(page.events()).filteredOn(ConversationEvent::isMessage).hasSize(1);
    }

    @Test
    void reconnectingWithCursorsReplaysWhatWasMissedInOrder() {
        Agent a1 = f.agent("agent1");
        Customer c = f.customer("Ana", "es");
        ServerFrame.Conversation got = a1.awaitAssigned(c.conversationId());
        long cursor = got.conversation().lastSeq();
        String session = a1.welcome.sessionId();
        a1.ws.close();

        c.send("uno");
        c.send("dos");
        c.send("tres");

        ServerFrame.Welcome w = a1.connect(a1.welcome.epoch(), session, Map.of(c.conversationId(), cursor));
        assertThat(w.resumed()).isTrue();
        List<String> texts = new java.util.ArrayList<>();
        while (true) {
            ServerFrame frame = a1.ws.next();
            if (frame instanceof ServerFrame.Synced) {
                break;
            }
            if (frame instanceof ServerFrame.Event e) {
                assertThat(e.event().seq()).isEqualTo(cursor + texts.size() + 1);
                texts.add(e.event().text());
            }
        }
        assertThat(texts).containsExactly("uno", "dos", "tres");
    }

    @Test
    void historyPagesGoForwardAndBackward() {
        Agent a1 = f.agent("agent1");
        Customer c = f.customerOf(a1, "Pat", "en");
        for (int i = 0; i < 10; i++) {
            c.send("line " + i);
        }
        String base = "/v1/conversations/" + c.conversationId() + "/events";
        EventPage first = f.http.get(base + "?after=0&limit=5", a1.token()).as(EventPage.class);
        assertThat(first.events()).extracting(ConversationEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(first.hasMore()).isTrue();
        EventPage older = f.http.get(base + "?before=12&limit=3", a1.token()).as(EventPage.class);
        assertThat(older.events()).extracting(ConversationEvent::seq).containsExactly(9L, 10L, 11L);
        Http.Response bad = f.http.get(base + "?after=x", a1.token());
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void aHelloLargerThanAFrameIsAcceptedBecauseItCarriesTheCursors() {
        java.util.Map<String, Long> cursors = new java.util.HashMap<>();
        for (int i = 0; i < 3000; i++) {
            cursors.put("c-held-long-ago-" + i, 10L);
        }
        WsPeer ws = f.socket("/v1/ws");
        ws.send(new ClientFrame.Hello(1, f.login("agent1").accessToken(), "device-big", null, null, cursors));
        assertThat(ws.await(ServerFrame.Welcome.class).userId()).isEqualTo("agent1");
        assertThat(ws.await(ServerFrame.Synced.class).conversations()).isZero();
        // After hello, the ordinary frame limit applies again.
        ws.sendRaw("{\"type\":\"ping\",\"nonce\":\"" + "n".repeat(70_000) + "\"}");
        assertThat(ws.await(ServerFrame.Error.class, e -> e.code().name().equals("PAYLOAD_TOO_LARGE"))).isNotNull();
    }
}
