package dev.holdfast.client.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.client.common.ManualScheduler;
import dev.holdfast.client.connection.ConnectionState.Connecting;
import dev.holdfast.client.connection.ConnectionState.Live;
import dev.holdfast.client.connection.ConnectionState.Paused;
import dev.holdfast.client.connection.ConnectionState.Reconnecting;
import dev.holdfast.client.connection.ConnectionState.Stopped;
import dev.holdfast.client.connection.FakeTransport.FakeSocket;
import dev.holdfast.client.connection.PlatformConnection.Decision;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.Presence;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.testing.MutableClock;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The connection's state machine, on a hand-moved clock with a fake transport. */
class PlatformConnectionTest {
    private static final URI WS = URI.create("ws://platform.test/v1/ws");

    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final FakeTransport transport = new FakeTransport();
    private final RecordingHandler handler = new RecordingHandler();
    private final PlatformConnection connection = connection(new Random(1));

    private PlatformConnection connection(Random random) {
        return new PlatformConnection(WS, transport, scheduler, clock, random, handler);
    }

    private static ServerFrame.Welcome welcome(String sessionId, boolean resumed) {
        return new ServerFrame.Welcome(Limits.PROTOCOL_VERSION, "epoch-1", sessionId, resumed, "agent1", Role.AGENT,
                Limits.HEARTBEAT_SECONDS, Limits.MAX_FRAME_BYTES, 0);
    }

    private static ServerFrame.Error error(ErrorCode code) {
        return ServerFrame.Error.of(code, code.name().toLowerCase());
    }

    /** Opens the current socket on the platform's side and delivers hello. */
    private FakeSocket opened() {
        scheduler.runDue();
        FakeSocket socket = transport.last();
        socket.peerOpens();
        scheduler.runDue();
        return socket;
    }

    private FakeSocket live() {
        connection.start();
        FakeSocket socket = opened();
        socket.peerSends(welcome("s-1", false));
        scheduler.runDue();
        assertThat(connection.state()).isInstanceOf(Live.class);
        return socket;
    }

    private void waitOutTheBackoff() {
        waitOutTheBackoff(connection);
    }

    private void waitOutTheBackoff(PlatformConnection conn) {
        Reconnecting r = (Reconnecting) conn.state();
        scheduler.advance(Duration.ofMillis(r.nextAttemptAt() - now()));
        assertThat(conn.state()).isInstanceOf(Connecting.class);
    }

    private long now() {
        return clock.millis();
    }

    // ---- connecting --------------------------------------------------------------------------------

    @Test
    void startsIdleAndConnectsOnStartSendingHelloOnlyOnceOpen() {
        assertThat(connection.state()).isEqualTo(new ConnectionState.Idle());
        connection.start();
        assertThat(transport.sockets).as("start only queues work").isEmpty();
        scheduler.runDue();
        assertThat(connection.state()).isEqualTo(new Connecting(0));
        FakeSocket socket = transport.last();
        assertThat(socket.uri).isEqualTo(WS);
        assertThat(socket.sent).isEmpty();

        socket.peerOpens();
        assertThat(socket.sent).as("callbacks hop onto the scheduler").isEmpty();
        scheduler.runDue();
        List<ClientFrame.Hello> hellos = socket.frames(ClientFrame.Hello.class);
        assertThat(hellos).hasSize(1);
        assertThat(hellos.get(0).token()).isEqualTo("access-token-1");
        assertThat(hellos.get(0).protocol()).isEqualTo(Limits.PROTOCOL_VERSION);
    }

    @Test
    void welcomeMakesItLive() {
        connection.start();
        FakeSocket socket = opened();
        long at = now();
        socket.peerSends(welcome("s-1", false));
        scheduler.runDue();
        assertThat(connection.state()).isEqualTo(new Live("epoch-1", "s-1", false, at));
        assertThat(handler.welcomes).extracting(ServerFrame.Welcome::sessionId).containsExactly("s-1");
        assertThat(handler.states).containsExactly(new Connecting(0), new Live("epoch-1", "s-1", false, at));
        assertThat(handler.frames).isEmpty();
    }

    @Test
    void framesBeforeWelcomeSuchAsSessionUnknownGoToTheHandler() {
        connection.start();
        FakeSocket socket = opened();
        socket.peerSends(error(ErrorCode.SESSION_UNKNOWN));
        scheduler.runDue();
        assertThat(connection.state()).isEqualTo(new Connecting(0));
        assertThat(handler.frames).containsExactly(error(ErrorCode.SESSION_UNKNOWN));
        socket.peerSends(welcome("s-2", false));
        socket.peerSends(new ServerFrame.Synced("epoch-1", 0));
        scheduler.runDue();
        assertThat(connection.state()).isInstanceOf(Live.class);
        assertThat(handler.frames).containsExactly(error(ErrorCode.SESSION_UNKNOWN),
                new ServerFrame.Synced("epoch-1", 0));
    }

    @Test
    void eachAttemptBuildsAFreshHello() {
        live();
        handler.token = "access-token-2";
        transport.last().peerCloses(4003, "dropped");
        scheduler.advance(Duration.ofSeconds(1));
        FakeSocket second = opened();
        ClientFrame.Hello hello = second.frames(ClientFrame.Hello.class).get(0);
        assertThat(hello.token()).isEqualTo("access-token-2");
        assertThat(hello.sessionId()).isEqualTo("s-1");
        assertThat(hello.epoch()).isEqualTo("epoch-1");
    }

    @Test
    void noWelcomeWithinTenSecondsDropsTheAttempt() {
        connection.start();
        FakeSocket socket = opened();
        scheduler.advance(Duration.ofMillis(9_999));
        assertThat(connection.state()).isEqualTo(new Connecting(0));
        scheduler.advance(Duration.ofMillis(1));
        assertThat(socket.closedByClient()).isTrue();
        assertThat(connection.state()).isInstanceOf(Reconnecting.class);
        Reconnecting r = (Reconnecting) connection.state();
        assertThat(r.attempt()).isEqualTo(1);
        assertThat(r.reason()).contains("no welcome");
        assertThat(r.nextAttemptAt() - now()).isBetween(0L, 250L);
    }

    @Test
    void aSocketThatNeverOpensIsCoveredByTheSameDeadline() {
        connection.start();
        scheduler.runDue();
        FakeSocket socket = transport.last();
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(socket.closedByClient()).isTrue();
        assertThat(connection.state()).isInstanceOf(Reconnecting.class);
    }

    @Test
    void aFailedConnectRetriesWithBackoff() {
        connection.start();
        scheduler.runDue();
        transport.last().breaks(new ConnectException("Connection refused"));
        scheduler.runDue();
        Reconnecting r = (Reconnecting) connection.state();
        assertThat(r.attempt()).isEqualTo(1);
        assertThat(r.reason()).contains("Connection refused");
        scheduler.advance(Duration.ofMillis(r.nextAttemptAt() - now()));
        assertThat(transport.sockets).hasSize(2);
        assertThat(connection.state()).isEqualTo(new Connecting(1));
    }

    @Test
    void aTransportThatCannotOpenRetriesWithBackoff() {
        transport.failOpen = new IllegalStateException("no sockets today");
        connection.start();
        scheduler.runDue();
        assertThat(connection.state()).isInstanceOf(Reconnecting.class);
        transport.failOpen = null;
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(transport.sockets).hasSize(1);
    }

    // ---- liveness ----------------------------------------------------------------------------------

    @Test
    void pingsEveryFifteenSecondsWhileLive() {
        FakeSocket socket = live();
        scheduler.advance(Duration.ofMillis(14_999));
        assertThat(socket.frames(ClientFrame.Ping.class)).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        List<ClientFrame.Ping> pings = socket.frames(ClientFrame.Ping.class);
        assertThat(pings).hasSize(1);
        socket.peerSends(new ServerFrame.Pong(pings.get(0).nonce(), 0));
        scheduler.advance(Duration.ofSeconds(15));
        pings = socket.frames(ClientFrame.Ping.class);
        assertThat(pings).hasSize(2);
        assertThat(pings.get(1).nonce()).isNotEqualTo(pings.get(0).nonce());
        socket.peerSends(new ServerFrame.Pong(pings.get(1).nonce(), 0));
        // The last pong arrived at 30 s: one more ping at 45 s, and at 60 s the silence is fatal.
        scheduler.advance(Duration.ofMillis(29_999));
        assertThat(socket.frames(ClientFrame.Ping.class)).hasSize(3);
        assertThat(connection.state()).isInstanceOf(Live.class);
        assertThat(handler.frames(ServerFrame.Pong.class)).hasSize(2);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(connection.state()).isInstanceOf(Reconnecting.class);
    }

    @Test
    void answeredPingsKeepItLiveForever() {
        FakeSocket socket = live();
        for (int i = 0; i < 100; i++) {
            scheduler.advance(Duration.ofSeconds(15));
            List<ClientFrame.Ping> pings = socket.frames(ClientFrame.Ping.class);
            socket.peerSends(new ServerFrame.Pong(pings.get(pings.size() - 1).nonce(), 0));
        }
        scheduler.runDue();
        assertThat(connection.state()).isInstanceOf(Live.class);
        assertThat(transport.sockets).hasSize(1);
    }

    @Test
    void thirtySecondsWithoutAnyFrameIsDead() {
        FakeSocket socket = live();
        scheduler.advance(Duration.ofMillis(29_999));
        assertThat(connection.state()).isInstanceOf(Live.class);
        assertThat(socket.frames(ClientFrame.Ping.class)).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(socket.closedByClient()).isTrue();
        Reconnecting r = (Reconnecting) connection.state();
        assertThat(r.reason()).contains("no frame");
        assertThat(r.attempt()).isEqualTo(1);
    }

    @Test
    void anyFrameCountsAsLife() {
        FakeSocket socket = live();
        scheduler.advance(Duration.ofSeconds(20));
        socket.peerSends(new ServerFrame.PresenceNotice("agent2", Presence.AWAY));
        scheduler.advance(Duration.ofSeconds(5));
        socket.peerSendsText("{\"type\":\"from-the-future\"}"); // does not decode, but arrived
        scheduler.advance(Duration.ofMillis(29_999));
        assertThat(connection.state()).isInstanceOf(Live.class);
        assertThat(handler.frames).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(connection.state()).isInstanceOf(Reconnecting.class);
    }

    // ---- backoff -----------------------------------------------------------------------------------

    @Test
    void backoffWaitsStayWithinFullJitterBounds() {
        for (long seed = 0; seed < 20; seed++) {
            MutableClock c = new MutableClock();
            ManualScheduler s = new ManualScheduler(c);
            FakeTransport t = new FakeTransport();
            PlatformConnection conn = new PlatformConnection(WS, t, s, c, new Random(seed), new RecordingHandler());
            conn.start();
            s.runDue();
            for (int attempt = 1; attempt <= 12; attempt++) {
                t.last().breaks(new IOException("refused"));
                s.runDue();
                Reconnecting r = (Reconnecting) conn.state();
                long ceiling = Math.min(30_000, 250L << (attempt - 1));
                assertThat(r.attempt()).isEqualTo(attempt);
                assertThat(r.nextAttemptAt() - c.millis()).isBetween(0L, ceiling);
                s.advance(Duration.ofMillis(r.nextAttemptAt() - c.millis()));
                assertThat(conn.state()).isEqualTo(new Connecting(attempt));
            }
        }
    }

    @Test
    void backoffReachesItsCeilingAndStopsThereAtThirtySeconds() {
        Random highest = new Random() {
            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
        PlatformConnection conn = connection(highest);
        conn.start();
        scheduler.runDue();
        long[] expected = {250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
        for (long wait : expected) {
            transport.last().breaks(new IOException("refused"));
            scheduler.runDue();
            Reconnecting r = (Reconnecting) conn.state();
            assertThat(r.nextAttemptAt() - now()).isEqualTo(wait);
            scheduler.advance(Duration.ofMillis(wait));
        }
    }

    @Test
    void theAttemptCountResetsAfterAWelcome() {
        connection.start();
        scheduler.runDue();
        for (int i = 0; i < 5; i++) {
            transport.last().breaks(new IOException("refused"));
            scheduler.runDue();
            waitOutTheBackoff();
        }
        assertThat(connection.state()).isEqualTo(new Connecting(5));
        FakeSocket socket = opened();
        socket.peerSends(welcome("s-1", false));
        scheduler.runDue();
        socket.peerCloses(1006, "");
        scheduler.runDue();
        Reconnecting r = (Reconnecting) connection.state();
        assertThat(r.attempt()).isEqualTo(1);
        assertThat(r.nextAttemptAt() - now()).isBetween(0L, 250L);
    }

    @Test
    void aRetryAfterBeforeWelcomeIsWaitedOutAtLeast() {
        connection.start();
        FakeSocket socket = opened();
        ServerFrame.Error limited = new ServerFrame.Error(ErrorCode.RATE_LIMITED, "slow down", null, null, 5_000L,
                null);
        socket.peerSends(limited);
        scheduler.runDue();
        assertThat(handler.frames).containsExactly(limited);
        assertThat(socket.closedByClient()).isTrue();
        Reconnecting r = (Reconnecting) connection.state();
        assertThat(r.nextAttemptAt() - now()).isEqualTo(5_000);
        scheduler.advance(Duration.ofMillis(4_999));
        assertThat(transport.sockets).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(transport.sockets).hasSize(2);
    }

    @Test
    void aLongerBackoffWinsOverAShortRetryAfter() {
        Random highest = new Random() {
            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
        PlatformConnection conn = connection(highest);
        conn.start();
        scheduler.runDue();
        for (int i = 0; i < 4; i++) { // backoff ceiling grows to 4 s
            transport.last().breaks(new IOException("refused"));
            scheduler.runDue();
            waitOutTheBackoff(conn);
        }
        FakeSocket socket = opened();
        socket.peerSends(new ServerFrame.Error(ErrorCode.RATE_LIMITED, "", null, null, 100L, null));
        scheduler.runDue();
        assertThat(((Reconnecting) conn.state()).nextAttemptAt() - now()).isEqualTo(4_000);
    }

    // ---- close codes -------------------------------------------------------------------------------

    @Test
    void droppedGoingAwayAndAbnormalClosesReconnectWithBackoff() {
        for (int code : new int[] {4003, 1001, 1006, 1000, 4008}) {
            MutableClock c = new MutableClock();
            ManualScheduler s = new ManualScheduler(c);
            FakeTransport t = new FakeTransport();
            RecordingHandler h = new RecordingHandler();
            PlatformConnection conn = new PlatformConnection(WS, t, s, c, new Random(3), h);
            conn.start();
            s.runDue();
            t.last().peerOpens();
            s.runDue();
            t.last().peerSends(welcome("s-1", false));
            s.runDue();
            t.last().peerCloses(code, "bye");
            s.runDue();
            assertThat(conn.state()).as("after close %d", code).isInstanceOf(Reconnecting.class);
            assertThat(((Reconnecting) conn.state()).reason()).contains(Integer.toString(code));
            assertThat(t.sockets).hasSize(1);
            assertThat(h.rejections).isEmpty();
            s.advance(Duration.ofMillis(250));
            assertThat(t.sockets).hasSize(2);
        }
    }

    @Test
    void tooSlowReconnectsAtOnceButNotInALoop() {
        live();
        transport.last().peerCloses(4009, "too slow");
        scheduler.runDue();
        assertThat(transport.sockets).hasSize(2);
        assertThat(connection.state()).isEqualTo(new Connecting(1));
        // Again before any welcome: now it waits.
        FakeSocket second = opened();
        second.peerCloses(4009, "too slow");
        scheduler.runDue();
        assertThat(transport.sockets).hasSize(2);
        assertThat(connection.state()).isInstanceOf(Reconnecting.class);
    }

    // ---- rejections --------------------------------------------------------------------------------

    @Test
    void anExpiredTokenAtHelloAsksTheHandlerWithTheCloseCode() {
        handler.decide = (e, code) -> Decision.PAUSE;
        connection.start();
        FakeSocket socket = opened();
        socket.peerSends(error(ErrorCode.TOKEN_EXPIRED));
        scheduler.runDue();
        assertThat(handler.rejections).as("decided when the socket has ended").isEmpty();
        socket.peerCloses(4001, "TOKEN_EXPIRED");
        scheduler.runDue();
        assertThat(handler.rejections).containsExactly(
                new RecordingHandler.Rejection(error(ErrorCode.TOKEN_EXPIRED), 4001));
        assertThat(handler.frames).as("the ending error is not an ordinary frame").isEmpty();
        assertThat(connection.state()).isEqualTo(new Paused("TOKEN_EXPIRED"));
        scheduler.advance(Duration.ofMinutes(10));
        assertThat(transport.sockets).as("paused: no retries").hasSize(1);

        handler.token = "access-token-2";
        connection.resume();
        scheduler.runDue();
        assertThat(connection.state()).isEqualTo(new Connecting(0));
        FakeSocket second = opened();
        assertThat(second.frames(ClientFrame.Hello.class).get(0).token()).isEqualTo("access-token-2");
    }

    @Test
    void aTokenThatExpiresWhileLiveIsRejectedToo() {
        handler.decide = (e, code) -> Decision.RECONNECT_NOW;
        FakeSocket socket = live();
        socket.peerSends(error(ErrorCode.TOKEN_EXPIRED));
        socket.peerCloses(4001, "token expired");
        scheduler.runDue();
        assertThat(handler.rejections).extracting(r -> r.error().code()).containsExactly(ErrorCode.TOKEN_EXPIRED);
        assertThat(transport.sockets).as("reconnected at once").hasSize(2);
        assertThat(connection.state()).isEqualTo(new Connecting(1));
    }

    @Test
    void epochChangedCanReconnectAtOnceWithTheNewEpoch() {
        handler.epoch = "epoch-0";
        handler.decide = (e, code) -> {
            handler.epoch = e.epoch(); // a real handler restores first
            handler.sessionId = null;
            return Decision.RECONNECT_NOW;
        };
        connection.start();
        FakeSocket socket = opened();
        socket.peerSends(new ServerFrame.Error(ErrorCode.EPOCH_CHANGED, "lost", null, null, null, "epoch-1"));
        socket.peerCloses(4000, "EPOCH_CHANGED");
        scheduler.runDue();
        assertThat(handler.rejections).containsExactly(new RecordingHandler.Rejection(
                new ServerFrame.Error(ErrorCode.EPOCH_CHANGED, "lost", null, null, null, "epoch-1"), 4000));
        FakeSocket second = opened();
        assertThat(second.frames(ClientFrame.Hello.class).get(0).epoch()).isEqualTo("epoch-1");
        second.peerSends(welcome("s-9", false));
        scheduler.runDue();
        assertThat(connection.state()).isInstanceOf(Live.class);
    }

    @Test
    void reconnectNowFromTheHandlerCannotSpin() {
        handler.decide = (e, code) -> Decision.RECONNECT_NOW;
        connection.start();
        opened().peerCloses(4001, "unauthenticated");
        scheduler.runDue();
        assertThat(transport.sockets).hasSize(2);
        opened().peerCloses(4001, "unauthenticated");
        scheduler.runDue();
        assertThat(transport.sockets).hasSize(2);
        assertThat(connection.state()).isInstanceOf(Reconnecting.class);
    }

    @Test
    void aCloseCodeAloneStillCountsAsARejection() {
        handler.decide = (e, code) -> Decision.STOP;
        connection.start();
        opened().peerCloses(4002, "unsupported protocol version");
        scheduler.runDue();
        assertThat(handler.rejections).hasSize(1);
        assertThat(handler.rejections.get(0).error().code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
        assertThat(handler.rejections.get(0).closeCode()).isEqualTo(4002);
        assertThat(connection.state()).isEqualTo(new Stopped());
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aRejectionWhoseCloseNeverComesIsDecidedAtTheDeadline() {
        handler.decide = (e, code) -> Decision.RECONNECT_WITH_BACKOFF;
        connection.start();
        FakeSocket socket = opened();
        socket.peerSends(error(ErrorCode.UNAUTHENTICATED));
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(socket.closedByClient()).isTrue();
        assertThat(handler.rejections).containsExactly(
                new RecordingHandler.Rejection(error(ErrorCode.UNAUTHENTICATED), 1006));
        assertThat(connection.state()).isInstanceOf(Reconnecting.class);
    }

    @Test
    void aHandlerThatThrowsOnRejectionGetsBackoff() {
        handler.decide = (e, code) -> {
            throw new IllegalStateException("expected by the test");
        };
        connection.start();
        opened().peerCloses(4001, "x");
        scheduler.runDue();
        assertThat(connection.state()).isInstanceOf(Reconnecting.class);
    }

    // ---- owner's controls --------------------------------------------------------------------------

    @Test
    void pauseClosesAndWaitsUntilResume() {
        FakeSocket socket = live();
        connection.pause("signed out");
        scheduler.runDue();
        assertThat(socket.closedByClient()).isTrue();
        assertThat(connection.state()).isEqualTo(new Paused("signed out"));
        assertThat(scheduler.pending()).isZero();
        socket.peerCloses(1000, "paused");
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(transport.sockets).hasSize(1);
        assertThat(connection.state()).isEqualTo(new Paused("signed out"));

        connection.resume();
        scheduler.runDue();
        assertThat(transport.sockets).hasSize(2);
        assertThat(connection.state()).isEqualTo(new Connecting(0));
    }

    @Test
    void resumeWhileWaitingConnectsNowAndDoesNothingWhileLive() {
        live();
        connection.resume();
        scheduler.runDue();
        assertThat(transport.sockets).hasSize(1);
        transport.last().peerCloses(4003, "dropped");
        scheduler.runDue();
        assertThat(connection.state()).isInstanceOf(Reconnecting.class);
        connection.resume();
        scheduler.runDue();
        assertThat(transport.sockets).hasSize(2);
        assertThat(connection.state()).isEqualTo(new Connecting(1));
    }

    @Test
    void reconnectNowReplacesALiveSocket() {
        FakeSocket first = live();
        connection.reconnectNow();
        scheduler.runDue();
        assertThat(first.closedByClient()).isTrue();
        assertThat(transport.sockets).hasSize(2);
        // The old socket's late news is not heard.
        first.peerSends(new ServerFrame.Synced("epoch-1", 0));
        first.peerCloses(1000, "bye");
        scheduler.runDue();
        assertThat(handler.frames).isEmpty();
        assertThat(connection.state()).isEqualTo(new Connecting(0));
    }

    @Test
    void stopIsFinal() {
        FakeSocket socket = live();
        connection.stop();
        scheduler.runDue();
        assertThat(socket.closedByClient()).isTrue();
        assertThat(connection.state()).isEqualTo(new Stopped());
        assertThat(scheduler.pending()).isZero();
        socket.peerCloses(1000, "bye");
        connection.start();
        connection.reconnectNow();
        connection.resume();
        connection.pause("x");
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(transport.sockets).hasSize(1);
        assertThat(connection.state()).isEqualTo(new Stopped());
        assertThat(handler.lastState()).isEqualTo(new Stopped());
    }

    @Test
    void stopWhileConnectingAndWhileWaiting() {
        connection.start();
        scheduler.runDue();
        connection.stop();
        scheduler.runDue();
        assertThat(transport.last().closedByClient()).isTrue();

        PlatformConnection other = connection(new Random(2));
        other.start();
        scheduler.runDue();
        transport.last().breaks(new IOException("refused"));
        scheduler.runDue();
        other.stop();
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(transport.sockets).hasSize(2);
        assertThat(other.state()).isEqualTo(new Stopped());
    }

    @Test
    void sendWorksOnlyWhileLive() {
        ClientFrame.Typing typing = new ClientFrame.Typing("c-1", true);
        assertThat(connection.send(typing)).isFalse();
        connection.start();
        FakeSocket socket = opened();
        assertThat(connection.send(typing)).as("not before welcome").isFalse();
        socket.peerSends(welcome("s-1", false));
        scheduler.runDue();
        assertThat(connection.send(typing)).isTrue();
        assertThat(socket.frames(ClientFrame.Typing.class)).containsExactly(typing);
        socket.peerCloses(1006, "");
        scheduler.runDue();
        assertThat(connection.send(typing)).isFalse();
    }

    @Test
    void theHandlerCanSendFromOnWelcome() {
        PlatformConnection[] self = new PlatformConnection[1];
        RecordingHandler sending = new RecordingHandler() {
            @Override
            public void onWelcome(ServerFrame.Welcome welcome) {
                super.onWelcome(welcome);
                self[0].send(new ClientFrame.SetPresence(Presence.AWAY));
            }
        };
        self[0] = new PlatformConnection(WS, transport, scheduler, clock, new Random(1), sending);
        self[0].start();
        FakeSocket socket = opened();
        socket.peerSends(welcome("s-1", true));
        scheduler.runDue();
        assertThat(socket.frames(ClientFrame.SetPresence.class)).hasSize(1);
    }
}
