package dev.holdfast.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.holdfast.platform.auth.AccessClaims;
import dev.holdfast.platform.auth.AccountDirectory;
import dev.holdfast.platform.auth.CustomerClaims;
import dev.holdfast.platform.auth.ReceiptSigner;
import dev.holdfast.platform.config.PlatformConfig;
import dev.holdfast.platform.config.Policies;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.Presence;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live store's timers, relays and failure handling, driven by hand with a fake clock. */
class LiveStoreTest {
    private static PlatformConfig config;

    final MutableClock clock = new MutableClock();
    final FailingPersistence persistence = new FailingPersistence();
    LiveStore store;
    AgentActions agents;
    CustomerActions customers;
    Maintenance maintenance;

    @BeforeAll
    static void accounts() {
        config = PlatformConfig.demo();
    }

    @BeforeEach
    void setUp() {
        store = new LiveStore(persistence, new ReceiptSigner(new byte[32]), new AccountDirectory(config),
                Policies.defaults(), clock);
        agents = new AgentActions(store, new dev.holdfast.platform.audit.MemoryAuditLog());
        customers = new CustomerActions(store, agents);
        maintenance = new Maintenance(store, agents);
    }

    private AccessClaims claims(String user, Role role) {
        return new AccessClaims(user, role, "device-" + user, clock.millis() + 900_000);
    }

    private RecordingConnection connect(String user, Role role, String sessionId) {
        RecordingConnection conn = new RecordingConnection(user, role, null);
        agents.hello(conn, claims(user, role), new ClientFrame.Hello(1, "t", "device-" + user, null, sessionId,
                Map.of()));
        return conn;
    }

    private CustomerActions.Opened open(String name) {
        return customers.open(new CustomerOpenRequest(name, "en", "web", List.of()));
    }

    @Test
    void aFullDiskRefusesTheWriteAndChangesNothing() {
        RecordingConnection agent = connect("agent1", Role.AGENT, null);
        CustomerActions.Opened opened = open("Ada");
        CustomerClaims customer = new CustomerClaims(opened.conversationId(), opened.customer());
        customers.send(customer, "m1", "hello");
        long before = store.locked(() -> store.conversations().get(opened.conversationId()).lastSeq());

        persistence.full = true;
        assertThatThrownBy(() -> customers.send(customer, "m2", "are you there"))
                .isInstanceOf(StoreException.Unchecked.class);
        assertThatThrownBy(() -> agents.send(claims("agent1", Role.AGENT), "device-agent1", opened.conversationId(),
                "a1", "yes")).isInstanceOf(StoreException.Unchecked.class);
        assertThat(store.locked(() -> store.conversations().get(opened.conversationId()).lastSeq())).isEqualTo(before);

        persistence.full = false;
        ServerFrame.Ack ack = customers.send(customer, "m2", "are you there");
        assertThat(ack.event().seq()).isEqualTo(before + 1);
        assertThat(agent.all(ServerFrame.Event.class)).extracting(e -> e.event().seq()).containsSubsequence(before,
                before + 1);
    }

    @Test
    void conversationsOfAnAgentGoneLongerThanTheLimitGoBackToTheQueueAndOnToAnother() {
        RecordingConnection a1 = connect("agent1", Role.AGENT, null);
        CustomerActions.Opened opened = open("Bo");
        agents.disconnected(a1);
        RecordingConnection a2 = connect("agent2", Role.AGENT, null);
        a2.frames.clear();

        clock.advance(Duration.ofSeconds(299));
        maintenance.tick();
        assertThat(store.locked(() -> store.conversations().get(opened.conversationId()).assignee()))
                .isEqualTo("agent1");

        clock.advance(Duration.ofSeconds(2));
        maintenance.tick();
        var conv = store.locked(() -> store.conversations().get(opened.conversationId()));
        assertThat(store.locked(conv::assignee)).isEqualTo("agent2");
        assertThat(store.locked(() -> conv.events().stream().map(e -> e.kind()).toList()))
                .containsSubsequence(EventKind.QUEUED, EventKind.ASSIGNED);
        assertThat(a2.all(ServerFrame.Conversation.class)).anyMatch(c -> "agent2".equals(c.conversation().assignee()));
    }

    @Test
    void aSessionIsForgottenAfterItsTtl() {
        RecordingConnection first = connect("agent1", Role.AGENT, null);
        String session = first.sessionId;
        agents.disconnected(first);

        clock.advance(Duration.ofSeconds(119));
        maintenance.tick();
        RecordingConnection again = connect("agent1", Role.AGENT, session);
        assertThat(again.all(ServerFrame.Welcome.class).get(0).resumed()).isTrue();
        agents.disconnected(again);

        clock.advance(Duration.ofSeconds(121));
        maintenance.tick();
        RecordingConnection late = connect("agent1", Role.AGENT, session);
        assertThat(late.all(ServerFrame.Error.class)).extracting(ServerFrame.Error::code)
                .containsExactly(ErrorCode.SESSION_UNKNOWN);
        assertThat(late.all(ServerFrame.Welcome.class).get(0).resumed()).isFalse();
    }

    @Test
    void anAgentWhoseTokenExpiresWhileConnectedIsToldAndDisconnected() {
        RecordingConnection conn = connect("agent1", Role.AGENT, null);
        clock.advance(Duration.ofSeconds(899));
        maintenance.tick();
        assertThat(conn.closedWith).isNull();
        clock.advance(Duration.ofSeconds(2));
        maintenance.tick();
        assertThat(conn.all(ServerFrame.Error.class)).extracting(ServerFrame.Error::code)
                .containsExactly(ErrorCode.TOKEN_EXPIRED);
        assertThat(conn.closedWith).isEqualTo(4001);
    }

    @Test
    void typingIsRelayedBothWaysAndPresenceReachesSupervisors() {
        RecordingConnection sup = connect("supervisor1", Role.SUPERVISOR, null);
        RecordingConnection agent = connect("agent1", Role.AGENT, null);
        CustomerActions.Opened opened = open("Cy");
        CustomerClaims customer = new CustomerClaims(opened.conversationId(), opened.customer());
        RecordingConnection widget = new RecordingConnection(opened.customer().id(), null, opened.conversationId());
        customers.hello(widget, customer, new ClientFrame.Hello(1, "t", opened.customer().id(), null, null, Map.of()));

        customers.typing(customer, true);
        assertThat(agent.all(ServerFrame.TypingNotice.class)).singleElement()
                .matches(t -> t.active() && t.author().id().equals(opened.customer().id()));
        agents.typing(claims("agent1", Role.AGENT), opened.conversationId(), true);
        assertThat(widget.all(ServerFrame.TypingNotice.class)).singleElement()
                .matches(t -> t.author().id().equals("agent1"));

        agents.setPresence(claims("agent1", Role.AGENT), Presence.AWAY);
        assertThat(sup.all(ServerFrame.PresenceNotice.class)).extracting(ServerFrame.PresenceNotice::status)
                .contains(Presence.AVAILABLE, Presence.AWAY);
        open("Dee");
        assertThat(store.locked(() -> store.conversations().values().stream()
                .filter(c -> c.status() == ConversationStatus.QUEUED).count())).isEqualTo(1);
    }

    @Test
    void supervisorsAreNotRoutedConversations() {
        connect("supervisor1", Role.SUPERVISOR, null);
        CustomerActions.Opened opened = open("Eli");
        assertThat(store.locked(() -> store.conversations().get(opened.conversationId()).status()))
                .isEqualTo(ConversationStatus.QUEUED);
    }
}
