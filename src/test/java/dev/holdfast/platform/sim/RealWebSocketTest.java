package dev.holdfast.platform.sim;

import dev.holdfast.protocol.Backoff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.Wire;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSession;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real JDK WebSocket transport against a real WebSocket server on 127.0.0.1: a stand-in for
 * the platform's customer channel, built on Javalin (already on the class path; test only, the
 * simulator itself does not use it). The first socket never acks; the test drops it and checks
 * that the customer comes back with its cursor and the same clientMessageIds.
 */
class RealWebSocketTest {
    /** What the stand-in received on one socket. */
    record Socket(int number, List<ClientFrame> frames) {
        List<ClientFrame.Send> sends() {
            return frames.stream().filter(ClientFrame.Send.class::isInstance).map(ClientFrame.Send.class::cast)
                    .collect(Collectors.toList());
        }
    }

    private Javalin platform;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Map<String, Socket> bySession = new ConcurrentHashMap<>();
    private final Map<String, WsContext> contexts = new ConcurrentHashMap<>();
    private final Map<String, ServerFrame.Ack> acks = new ConcurrentHashMap<>();
    private final AtomicInteger seq = new AtomicInteger(2);
    private ExecutorScheduler scheduler;
    private SimulatedCustomer customer;

    @BeforeEach
    void startPlatform() {
        platform = Javalin.create();
        platform.post("/v1/customer/conversations", ctx -> {
            CustomerOpenRequest request = Wire.decode(ctx.bodyAsBytes(), CustomerOpenRequest.class, 65_536);
            CustomerInfo info = new CustomerInfo("cust-1", request.name(), request.language(), request.channel(),
                    request.tags());
            ctx.contentType("application/json").result(Wire.encode(new CustomerSession("conv-1", "cust-1", "token-1",
                    new ConversationSummary("conv-1", ConversationStatus.QUEUED, null, 1, 1, 2, info, 0, 0,
                            AuthorKind.CUSTOMER, null, false))));
        });
        platform.ws("/v1/customer/ws", ws -> {
            ws.onConnect(ctx -> {
                Socket socket = new Socket(sockets.size() + 1, new CopyOnWriteArrayList<>());
                sockets.add(socket);
                bySession.put(ctx.sessionId(), socket);
                contexts.put(ctx.sessionId(), ctx);
            });
            ws.onMessage(ctx -> {
                Socket socket = bySession.get(ctx.sessionId());
                ClientFrame frame = Wire.decodeClientFrame(ctx.message());
                socket.frames().add(frame);
                if (frame instanceof ClientFrame.Hello) {
                    ctx.send(Wire.encode(new ServerFrame.Welcome(1, "epoch-1", "s-" + socket.number(), false,
                            "cust-1", null, 15, 65_536, System.currentTimeMillis())));
                    ctx.send(Wire.encode(new ServerFrame.Event(FakeCustomerTransport.conversationEvent("conv-1", 2,
                            EventKind.ASSIGNED, AuthorKind.SYSTEM, null, null))));
                    ctx.send(Wire.encode(new ServerFrame.Synced("epoch-1", 1)));
                } else if (frame instanceof ClientFrame.Ping ping) {
                    ctx.send(Wire.encode(new ServerFrame.Pong(ping.nonce(), System.currentTimeMillis())));
                } else if (frame instanceof ClientFrame.Send send && socket.number() > 1) {
                    ServerFrame.Ack ack = acks.computeIfAbsent(send.clientMessageId(), id ->
                            new ServerFrame.Ack(id, send.conversationId(), FakeCustomerTransport.conversationEvent(
                                    send.conversationId(), seq.incrementAndGet(), EventKind.MESSAGE,
                                    AuthorKind.CUSTOMER, send.text(), id), null));
                    ctx.send(Wire.encode(ack));
                }
            });
        });
        platform.start("127.0.0.1", 0);
    }

    @AfterEach
    void stopEverything() {
        if (customer != null) {
            customer.stop();
        }
        if (scheduler != null) {
            scheduler.close();
        }
        platform.stop();
    }

    @Test
    void reconnectsWithItsCursorAndResendsUnackedMessagesWithTheSameIds() {
        scheduler = ExecutorScheduler.singleThreaded("real-ws-test");
        URI base = URI.create("http://127.0.0.1:" + platform.port());
        CustomerTransport transport = new WebSocketCustomerTransport(base, HttpClient.newHttpClient());
        CustomerEnvironment env = new CustomerEnvironment(transport, scheduler, PhraseBook.standard(),
                Pacing.atSpeed(40), new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)), new TrafficCounters());
        customer = new SimulatedCustomer("customer-ws", 31, env, left -> { });
        customer.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> !sockets.isEmpty() && sockets.get(0).sends().size() >= 2);
        Socket first = sockets.get(0);
        ClientFrame.Hello hello = (ClientFrame.Hello) first.frames().get(0);
        assertThat(hello.token()).isEqualTo("token-1");
        assertThat(hello.deviceId()).isEqualTo("cust-1");
        assertThat(hello.cursors()).isEqualTo(Map.of("conv-1", 0L));
        assertThat(first.frames()).contains(new ClientFrame.Typing("conv-1", true), new ClientFrame.Typing("conv-1", false));

        // the platform drops the socket (as /admin/drop-connections does)
        contexts.values().iterator().next().closeSession(4003, "dropped by admin");
        await().atMost(Duration.ofSeconds(10)).until(() -> sockets.size() >= 2 && !sockets.get(1).sends().isEmpty());
        Socket second = sockets.get(1);
        ClientFrame.Hello again = (ClientFrame.Hello) second.frames().get(0);
        assertThat(again.cursors()).isEqualTo(Map.of("conv-1", 2L));
        List<ClientFrame.Send> unacked = first.sends();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(second.sends()).startsWith(unacked.toArray(ClientFrame.Send[]::new)));

        await().atMost(Duration.ofSeconds(10)).until(() -> env.counters().snapshot().messagesAcked() >= unacked.size());
        CustomerSimulator.Stats stats = env.counters().snapshot();
        assertThat(stats.conversationsOpened()).isEqualTo(1);
        assertThat(stats.reconnects()).isEqualTo(1);
    }
}
