package dev.holdfast.client.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.LoopbackPlatform;
import dev.holdfast.client.api.PlatformApi;
import dev.holdfast.client.common.ExecutorScheduler;
import dev.holdfast.client.connection.ConnectionState.Live;
import dev.holdfast.client.connection.ConnectionState.Paused;
import dev.holdfast.client.connection.ConnectionState.Reconnecting;
import dev.holdfast.client.connection.PlatformConnection.Decision;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.TokenResponse;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection with the Java-WebSocket transport against the real reference platform. */
class PlatformConnectionLoopbackTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private LoopbackPlatform platform;
    private PlatformApi api;
    private TokenResponse tokens;
    private final ExecutorScheduler scheduler = new ExecutorScheduler();
    private final RecordingHandler handler = new RecordingHandler();
    private PlatformConnection connection;

    @BeforeEach
    void start() throws Exception {
        platform = LoopbackPlatform.start(dir);
        api = new PlatformApi(platform.baseUri());
        tokens = api.login("agent1", "demo".toCharArray(), "device-1");
        handler.token = tokens.accessToken();
        connection = new PlatformConnection(platform.wsUri(), new JavaWebSocketTransport(), scheduler,
                Clock.systemUTC(), new Random(), handler);
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.stop();
        }
        scheduler.close();
        if (platform != null) {
            platform.close();
        }
    }

    private void awaitLive(int welcomes) {
        await().atMost(WAIT).until(() -> handler.welcomes.size() >= welcomes && connection.state() instanceof Live);
    }

    @Test
    void saysHelloWithATokenFromLoginAndIsWelcomed() {
        connection.start();
        awaitLive(1);
        ServerFrame.Welcome welcome = handler.welcomes.get(0);
        assertThat(welcome.userId()).isEqualTo("agent1");
        assertThat(welcome.resumed()).isFalse();
        assertThat(welcome.epoch()).isEqualTo(tokens.epoch());
        await().atMost(WAIT).until(() -> !handler.frames(ServerFrame.Synced.class).isEmpty());

        assertThat(connection.send(new ClientFrame.Ping("test-1"))).isTrue();
        await().atMost(WAIT).until(() -> handler.frames(ServerFrame.Pong.class).stream()
                .anyMatch(p -> p.nonce().equals("test-1")));
        assertThat(handler.threads).as("the handler is called on the core thread only")
                .containsOnly(ExecutorScheduler.THREAD_NAME);
    }

    @Test
    void droppedConnectionsComeBackAndResumeTheSession() {
        connection.start();
        awaitLive(1);
        String session = handler.welcomes.get(0).sessionId();

        platform.admin("drop-connections");
        awaitLive(2);
        ServerFrame.Welcome again = handler.welcomes.get(1);
        assertThat(again.resumed()).isTrue();
        assertThat(again.sessionId()).isEqualTo(session);
        assertThat(handler.states).anySatisfy(s -> assertThat(s).isInstanceOf(Reconnecting.class));
        assertThat(handler.states.stream().filter(s -> s instanceof Reconnecting).findFirst().orElseThrow())
                .extracting(s -> ((Reconnecting) s).reason()).asString().contains("4003");
        assertThat(handler.rejections).isEmpty();
    }

    @Test
    void aRestartedPlatformOnTheSamePortIsReconnectedThroughItsNewEpoch() throws Exception {
        handler.decide = (error, code) -> {
            if (error.code() == ErrorCode.EPOCH_CHANGED) {
                handler.epoch = error.epoch(); // where a panel would restore first
                handler.sessionId = null;
                return Decision.RECONNECT_NOW;
            }
            return Decision.RECONNECT_WITH_BACKOFF;
        };
        connection.start();
        awaitLive(1);
        String oldEpoch = handler.welcomes.get(0).epoch();
        int port = platform.port();

        platform.close();
        platform = null;
        await().atMost(WAIT).until(() -> connection.state() instanceof Reconnecting);
        platform = LoopbackPlatform.startOnPort(dir, port);

        awaitLive(2);
        ServerFrame.Welcome welcome = handler.welcomes.get(1);
        assertThat(welcome.epoch()).isNotEqualTo(oldEpoch);
        assertThat(welcome.resumed()).isFalse();
        // The memory store forgot everything: the old epoch is refused (or, had the epoch been
        // kept, the session would be unknown).
        boolean epochChanged = handler.rejections.stream()
                .anyMatch(r -> r.error().code() == ErrorCode.EPOCH_CHANGED && r.closeCode() == 4000);
        boolean sessionUnknown = handler.frames(ServerFrame.Error.class).stream()
                .anyMatch(e -> e.code() == ErrorCode.SESSION_UNKNOWN);
        assertThat(epochChanged || sessionUnknown).isTrue();
        assertThat(epochChanged).as("memory store: new epoch").isTrue();
    }

    @Test
    void aWipeClosesWith4003AndTheNextHelloLearnsTheNewEpoch() {
        handler.decide = (error, code) -> {
            handler.epoch = error.epoch();
            handler.sessionId = null;
            return Decision.RECONNECT_NOW;
        };
        connection.start();
        awaitLive(1);
        platform.admin("wipe");
        awaitLive(2);
        assertThat(handler.rejections).extracting(r -> r.error().code(), RecordingHandler.Rejection::closeCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.EPOCH_CHANGED, 4000));
        assertThat(handler.welcomes.get(1).epoch()).isEqualTo(api.health().epoch());
    }

    @Test
    void expiredTokensAreRejectedAndAFreshOneResumes() {
        handler.decide = (error, code) -> Decision.PAUSE;
        connection.start();
        awaitLive(1);
        String session = handler.welcomes.get(0).sessionId();

        platform.admin("expire-tokens");
        await().atMost(WAIT).until(() -> connection.state() instanceof Paused);
        assertThat(handler.rejections).extracting(r -> r.error().code(), RecordingHandler.Rejection::closeCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ErrorCode.TOKEN_EXPIRED, 4001));
        assertThat(connection.state()).isEqualTo(new Paused("TOKEN_EXPIRED"));

        handler.token = api.refresh(tokens.refreshToken()).accessToken();
        connection.resume();
        awaitLive(2);
        assertThat(handler.welcomes.get(1).resumed()).isTrue();
        assertThat(handler.welcomes.get(1).sessionId()).isEqualTo(session);
    }

    @Test
    void nobodyListeningMeansReconnectingWithTheReason() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        PlatformConnection nowhere = new PlatformConnection(URI.create("ws://127.0.0.1:" + port + "/v1/ws"),
                new JavaWebSocketTransport(), scheduler, Clock.systemUTC(), new Random(), handler);
        try {
            nowhere.start();
            await().atMost(WAIT).until(() -> nowhere.state() instanceof Reconnecting);
            assertThat(((Reconnecting) nowhere.state()).reason()).startsWith("connection failed");
        } finally {
            nowhere.stop();
        }
    }
}
