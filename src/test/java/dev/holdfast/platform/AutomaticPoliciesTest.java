package dev.holdfast.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.TestPlatform;
import dev.holdfast.platform.PlatformFixture.Agent;
import dev.holdfast.platform.PlatformFixture.Customer;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.Presence;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.EventPage;
import dev.holdfast.protocol.supervision.AgentBoard;
import dev.holdfast.protocol.supervision.AuditAction;
import dev.holdfast.protocol.supervision.AuditEntry;
import dev.holdfast.protocol.supervision.AuditPage;
import dev.holdfast.protocol.supervision.ConnectionHealth;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** policies.automatic on a real platform, its timers run by hand on a hand-moved clock. */
class AutomaticPoliciesTest {
    @TempDir
    Path dir;
    PlatformFixture f;

    @BeforeEach
    void start() throws Exception {
        Path config = TestPlatform.writeConfig(dir.resolve("config"), 5, "\"accessTokenSeconds\":86400,\"automatic\":{"
                + "\"warnSilentCustomerSeconds\":300,\"closeSilentCustomerSeconds\":600,"
                + "\"maxQueueSeconds\":900,\"signOffInactiveAgentSeconds\":1800,"
                + "\"texts\":{\"silenceClose\":{\"en\":\"Closing now. Bye!\"}}}");
        f = new PlatformFixture(dir.resolve("platform"), "memory", config);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    private void tick() {
        f.platform.maintenance().tick();
        f.platform.automaticPolicies().tick();
    }

    private String sup() {
        return f.login("supervisor1").accessToken();
    }

    private ConversationStatus status(String id) {
        return f.http.get("/v1/conversations/" + id, sup()).as(ConversationSummary.class).status();
    }

    private List<AuditEntry> audit() {
        return f.http.get("/v1/supervisor/audit", sup()).as(AuditPage.class).entries();
    }

    static void sync(Agent agent) {
        String nonce = UUID.randomUUID().toString();
        agent.ws.send(new ClientFrame.Ping(nonce));
        agent.ws.await(ServerFrame.Pong.class, p -> p.nonce().equals(nonce));
    }

    @Test
    void aSilentCustomerIsWarnedOnceInTheirLanguageThenClosedButNeverWhileTheAgentIsTyping() {
        Agent a1 = f.agent("agent1");
        Customer ana = f.customerOf(a1, "Ana", "es");
        Customer bob = f.customerOf(a1, "Bob", "en");
        a1.send(ana.conversationId(), "¿Le puedo ayudar en algo más?");
        a1.send(bob.conversationId(), "Anything else?");

        f.clock.advance(Duration.ofSeconds(300));
        tick();
        ServerFrame.Event warning = ana.ws.await(ServerFrame.Event.class, e -> e.event().kind() == EventKind.MESSAGE
                && e.event().author().kind() == AuthorKind.SYSTEM);
        assertThat(warning.event().text()).startsWith("¿Sigue ahí?");
        bob.ws.await(ServerFrame.Event.class, e -> e.event().author().kind() == AuthorKind.SYSTEM
                && e.event().text().startsWith("Are you still there?"));
        tick();
        assertThat(audit()).filteredOn(e -> e.action() == AuditAction.WARN).hasSize(2)
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo("policy:customer-silence-warning"));

        // The agent is typing to Bob when the close is due: Bob's conversation stays.
        f.clock.advance(Duration.ofSeconds(299));
        a1.ws.send(new ClientFrame.Typing(bob.conversationId(), true));
        sync(a1);
        f.clock.advance(Duration.ofSeconds(1));
        tick();
        assertThat(status(ana.conversationId())).isEqualTo(ConversationStatus.CLOSED);
        assertThat(status(bob.conversationId())).isEqualTo(ConversationStatus.ASSIGNED);
        ana.ws.await(ServerFrame.Event.class, e -> e.event().kind() == EventKind.MESSAGE
                && e.event().author().kind() == AuthorKind.SYSTEM && e.event().text().startsWith("Cerramos"));
        assertThat(audit()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.CLOSE);
            assertThat(e.actor()).isEqualTo("policy:customer-silence-close");
            assertThat(e.conversationId()).isEqualTo(ana.conversationId());
        });

        // The panel drops while the agent was typing: still handling within the grace.
        f.http.post("/admin/drop-connections", PlatformFixture.ADMIN, null);
        a1.ws.awaitClose();
        await().atMost(Duration.ofSeconds(10)).until(() -> health("agent1") == ConnectionHealth.RECONNECTING);
        f.clock.advance(Duration.ofSeconds(60));
        f.platform.automaticPolicies().tick();
        assertThat(status(bob.conversationId())).isEqualTo(ConversationStatus.ASSIGNED);

        f.clock.advance(Duration.ofSeconds(121));
        f.platform.automaticPolicies().tick();
        assertThat(status(bob.conversationId())).isEqualTo(ConversationStatus.CLOSED);
        // Customers' sockets were dropped too: read what Bob was told from the log.
        EventPage log = f.http.get("/v1/conversations/" + bob.conversationId() + "/events", sup()).as(EventPage.class);
        assertThat(log.events()).anySatisfy(e -> {
            assertThat(e.author().kind()).isEqualTo(AuthorKind.SYSTEM);
            assertThat(e.text()).isEqualTo("Closing now. Bye!");
        });
    }

    @Test
    void aConversationQueuedTooLongClosesWithAMessage() {
        Customer waiting = f.customer("Wai", "en");
        f.clock.advance(Duration.ofSeconds(899));
        tick();
        assertThat(status(waiting.conversationId())).isEqualTo(ConversationStatus.QUEUED);
        f.clock.advance(Duration.ofSeconds(1));
        tick();
        assertThat(status(waiting.conversationId())).isEqualTo(ConversationStatus.CLOSED);
        waiting.ws.await(ServerFrame.Event.class, e -> e.event().author().kind() == AuthorKind.SYSTEM
                && e.event().text().contains("busy"));
        assertThat(audit()).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("policy:queue-timeout");
            assertThat(e.action()).isEqualTo(AuditAction.CLOSE);
        });
    }

    @Test
    void anInactiveAgentIsSetAwayAndKeepsSocketAndConversations() {
        Agent a1 = f.agent("agent1");
        Customer c = f.customerOf(a1, "Cy", "en");
        f.clock.advance(Duration.ofSeconds(1799));
        tick();
        assertThat(a1.ws.drain()).noneMatch(fr -> fr instanceof ServerFrame.PresenceNotice);
        f.clock.advance(Duration.ofSeconds(1));
        f.platform.automaticPolicies().tick();
        ServerFrame.PresenceNotice away = a1.ws.await(ServerFrame.PresenceNotice.class);
        assertThat(away.status()).isEqualTo(Presence.AWAY);
        assertThat(a1.ws.isClosed()).isFalse();
        assertThat(status(c.conversationId())).isEqualTo(ConversationStatus.ASSIGNED);
        assertThat(audit()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.SIGN_OFF);
            assertThat(e.target()).isEqualTo("agent1");
            assertThat(e.actor()).isEqualTo("policy:agent-inactivity");
        });
        f.platform.automaticPolicies().tick();
        assertThat(audit()).hasSize(1);
    }

    private ConnectionHealth health(String user) {
        return f.http.get("/v1/supervisor/agents", sup()).as(AgentBoard.class).agents().stream()
                .filter(h -> h.agent().id().equals(user)).findFirst().orElseThrow().connection();
    }
}
