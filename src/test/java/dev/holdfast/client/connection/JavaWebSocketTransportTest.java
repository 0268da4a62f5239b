package dev.holdfast.client.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.LoopbackPlatform;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.Wire;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport's contract, against the real platform: one open, texts, exactly one ending. */
class JavaWebSocketTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private LoopbackPlatform platform;
    private final JavaWebSocketTransport transport = new JavaWebSocketTransport();

    /** Everything a socket told us, in order, as text. */
    static final class Events implements Transport.Listener {
        final List<String> log = new CopyOnWriteArrayList<>();

        @Override
        public void onOpen() {
            log.add("open");
        }

        @Override
        public void onText(String text) {
            log.add("text " + Wire.decodeServerFrame(text).getClass().getSimpleName());
        }

        @Override
        public void onClosed(int code, String reason) {
            log.add("closed " + code);
        }

        @Override
        public void onFailure(Throwable error) {
            log.add("failure " + error.getClass().getSimpleName());
        }

        long endings() {
            return log.stream().filter(e -> e.startsWith("closed") || e.startsWith("failure")).count();
        }
    }

    @BeforeEach
    void start() throws Exception {
        platform = LoopbackPlatform.start(dir);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void opensExchangesTextAndReportsThePlatformsCloseOnce() {
        Events events = new Events();
        Transport.Socket socket = transport.open(platform.wsUri(), events);
        await().atMost(WAIT).until(() -> events.log.contains("open"));
        String token = platform.http.post("/v1/auth/login", null,
                new dev.holdfast.protocol.http.LoginRequest("agent1", "demo", "device-t"))
                .as(dev.holdfast.protocol.http.TokenResponse.class).accessToken();
        assertThat(socket.send(Wire.encode(new ClientFrame.Hello(Limits.PROTOCOL_VERSION, token, "device-t", null,
                null, Map.of())))).isTrue();
        await().atMost(WAIT).until(() -> events.log.contains("text " + ServerFrame.Synced.class.getSimpleName()));
        assertThat(events.log.get(1)).isEqualTo("text Welcome");

        platform.admin("drop-connections");
        await().atMost(WAIT).until(() -> events.endings() == 1);
        assertThat(events.log).last().isEqualTo("closed 4003");
        assertThat(socket.send("{}")).isFalse();
    }

    @Test
    void aLocalCloseEndsOnce() {
        Events events = new Events();
        Transport.Socket socket = transport.open(platform.wsUri(), events);
        await().atMost(WAIT).until(() -> events.log.contains("open"));
        socket.close(1000, "done");
        socket.close(1000, "again");
        await().atMost(WAIT).until(() -> events.endings() == 1);
        assertThat(events.log).last().isEqualTo("closed 1000");
    }

    @Test
    void nothingListeningIsOneFailureAndNoOpen() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Events events = new Events();
        Transport.Socket socket = transport.open(URI.create("ws://127.0.0.1:" + port + "/v1/ws"), events);
        await().atMost(WAIT).until(() -> events.endings() == 1);
        assertThat(events.log).containsExactly("failure ConnectException");
        assertThat(socket.send("{}")).isFalse();
    }

    @Test
    void aPathWithoutAWebSocketIsAFailure() {
        Events events = new Events();
        transport.open(URI.create(platform.wsUri().toString().replace("/v1/ws", "/v1/nothing")), events);
        await().atMost(WAIT).until(() -> events.endings() == 1);
        assertThat(events.log).hasSize(1).first().asString().startsWith("failure");
    }
}
