package dev.holdfast.platform;

import dev.holdfast.testing.MutableClock;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSession;
import dev.holdfast.protocol.http.LoginRequest;
import dev.holdfast.protocol.http.TokenResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real platform on a free loopback port, with a hand-moved clock and hand-run timers, and
 * helpers to sign in agents and open customers over real HTTP and WebSocket.
 */
public final class PlatformFixture implements AutoCloseable {
    public static final String ADMIN = "admin-token-for-tests";

    public final MutableClock clock = new MutableClock();
    public final Platform platform;
    public final Http http;
    private final List<AutoCloseable> open = new ArrayList<>();

    public PlatformFixture(Path dir, String store) throws Exception {
        this(dir, store, null);
    }

    /** With a config file (null: the demo accounts and default policies). */
    public PlatformFixture(Path dir, String store, Path config) throws Exception {
        platform = Platform.start(Platform.Options.loopback(dir).withStore(store).withAdminToken(ADMIN)
                .withClock(clock, 0).withConfig(config));
        http = new Http(platform.baseUri());
    }

    public PlatformFixture(Path dir) throws Exception {
        this(dir, "memory");
    }

    public TokenResponse login(String user) {
        return http.post("/v1/auth/login", null, new LoginRequest(user, "demo", "device-" + user)).as(TokenResponse.class);
    }

    /** A signed-in agent with an open socket that has said hello and been synced. */
    public Agent agent(String user) {
        TokenResponse tokens = login(user);
        Agent a = new Agent(this, user, tokens, "device-" + user);
        a.connect(null, null, Map.of());
        return a;
    }

    public Customer customer(String name, String language) {
        CustomerSession s = http.post("/v1/customer/conversations", null,
                new CustomerOpenRequest(name, language, "web", List.of("order"))).as(CustomerSession.class);
        Customer c = new Customer(this, s);
        c.connect(0);
        return c;
    }

    /** A customer whose new conversation has been routed to {@code agent}. */
    public Customer customerOf(Agent agent, String name, String language) {
        Customer c = customer(name, language);
        agent.awaitAssigned(c.conversationId());
        return c;
    }

    <T extends AutoCloseable> T track(T closeable) {
        open.add(closeable);
        return closeable;
    }

    public WsPeer socket(String path) {
        return track(WsPeer.connect(platform.baseUri(), path));
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already closed by the test
            }
        }
        platform.close();
    }

    /** An agent panel reduced to what tests need. */
    public static final class Agent {
        public final PlatformFixture fixture;
        public final String user;
        public TokenResponse tokens;
        public final String deviceId;
        public WsPeer ws;
        public ServerFrame.Welcome welcome;

        Agent(PlatformFixture fixture, String user, TokenResponse tokens, String deviceId) {
            this.fixture = fixture;
            this.user = user;
            this.tokens = tokens;
            this.deviceId = deviceId;
        }

        public ServerFrame.Welcome connect(String epoch, String sessionId, Map<String, Long> cursors) {
            ws = fixture.socket("/v1/ws");
            ws.send(new ClientFrame.Hello(Limits.PROTOCOL_VERSION, tokens.accessToken(), deviceId, epoch, sessionId,
                    cursors));
            welcome = ws.await(ServerFrame.Welcome.class);
            return welcome;
        }

        /** Waits until the conversation is assigned to this agent, and returns that frame. */
        public ServerFrame.Conversation awaitAssigned(String conversationId) {
            return ws.await(ServerFrame.Conversation.class, x -> x.conversation().id().equals(conversationId)
                    && user.equals(x.conversation().assignee())
                    && x.conversation().status() == dev.holdfast.protocol.ConversationStatus.ASSIGNED);
        }

        public String token() {
            return tokens.accessToken();
        }

        public ServerFrame.Ack send(String conversationId, String text) {
            String id = UUID.randomUUID().toString();
            ws.send(new ClientFrame.Send(conversationId, id, text));
            return ws.await(ServerFrame.Ack.class, a -> a.clientMessageId().equals(id));
        }
    }

    /** A customer widget reduced to what tests need. */
    public static final class Customer {
        public final PlatformFixture fixture;
        public final CustomerSession session;
        public WsPeer ws;

        Customer(PlatformFixture fixture, CustomerSession session) {
            this.fixture = fixture;
            this.session = session;
        }

        public String conversationId() {
            return session.conversationId();
        }

        public void connect(long cursor) {
            ws = fixture.socket("/v1/customer/ws");
            ws.send(new ClientFrame.Hello(Limits.PROTOCOL_VERSION, session.customerToken(), session.customerId(), null,
                    null, Map.of(session.conversationId(), cursor)));
            ws.await(ServerFrame.Synced.class);
        }

        public ServerFrame.Ack send(String text) {
            String id = UUID.randomUUID().toString();
            ws.send(new ClientFrame.Send(conversationId(), id, text));
            return ws.await(ServerFrame.Ack.class, a -> a.clientMessageId().equals(id));
        }
    }
}
