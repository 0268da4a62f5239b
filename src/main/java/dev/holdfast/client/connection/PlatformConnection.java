package dev.holdfast.client.connection;

import dev.holdfast.protocol.Backoff;
import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.common.Scheduler;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.Wire;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one WebSocket to the platform alive for as long as it is wanted: connects, says hello,
 * waits for welcome, pings, notices a socket that is open but silent, and reconnects with
 * full-jitter backoff. What the frames mean is the {@link Handler}'s business; this class only
 * knows the handshake, liveness and when to try again.
 *
 * <h2>States and transitions</h2>
 * (The same table, with the reasons, is in docs/client-connection.md.)
 * <pre>
 * Idle ──start()──▶ Connecting(a)
 * Connecting(a) ──welcome──▶ Live                       (a reset to 0)
 * Connecting(a) ──socket fails or closes, 10 s without welcome──▶ Reconnecting(a+1, backoff)
 * Connecting(a) ──error with retryAfterMs──▶ Reconnecting(a+1, max(backoff, retryAfter))
 * Live ──close 4003, 1001, 1006, 1000, any other code, failure──▶ Reconnecting(1, backoff)
 * Live ──30 s without any frame──▶ (socket closed) Reconnecting(1, backoff)
 * Live ──close 4009 (too slow)──▶ Connecting(1) at once
 * Connecting, Live ──error TOKEN_EXPIRED, UNAUTHENTICATED, EPOCH_CHANGED, UNSUPPORTED_VERSION,
 *                    then close (or close 4000/4001/4002 alone)──▶ handler.onRejected decides:
 *     RECONNECT_NOW ──▶ Connecting at once (once per welcome; again: backoff, so no spinning)
 *     RECONNECT_WITH_BACKOFF ──▶ Reconnecting
 *     PAUSE ──▶ Paused ;  STOP ──▶ Stopped
 * Reconnecting(a) ──timer, resume(), reconnectNow()──▶ Connecting(a)
 * Paused ──resume(), reconnectNow()──▶ Connecting(0)
 * Connecting, Live ──reconnectNow()──▶ (socket closed) Connecting(a)
 * any but Stopped ──pause(r)──▶ Paused(r) ;  any ──stop()──▶ Stopped (final)
 * </pre>
 *
 * <h2>Threading</h2>
 * Every field below is owned by the scheduler's thread (the core thread). Transport callbacks
 * arrive on the library's threads and hop onto the scheduler first; a callback of a socket that
 * is no longer the current one (its {@code generation} is old) is dropped there. The handler is
 * called only on the scheduler's thread. {@link #start}, {@link #stop}, {@link #pause},
 * {@link #resume} and {@link #reconnectNow} may be called from any thread: they only queue work.
 * {@link #send} is meant for the core thread; {@link #state} may be read anywhere.
 */
public final class PlatformConnection {
    /** From opening the socket to welcome; beyond it the attempt is dropped. */
    public static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
    /** Ping interval unless the welcome names another one (protocol.md §8.7). */
    public static final Duration PING_INTERVAL = Duration.ofSeconds(Limits.HEARTBEAT_SECONDS);
    /** A socket that delivered no frame at all for this long is dead, even if TCP says it is open. */
    public static final Duration DEAD_AFTER = Duration.ofSeconds(30);

    public static final int CLOSE_NORMAL = 1000;
    public static final int CLOSE_ABNORMAL = 1006;
    public static final int CLOSE_EPOCH_CHANGED = 4000;
    public static final int CLOSE_UNAUTHENTICATED = 4001;
    public static final int CLOSE_UNSUPPORTED_VERSION = 4002;
    public static final int CLOSE_DROPPED = 4003;
    public static final int CLOSE_TOO_SLOW = 4009;

    /** Errors after which the platform closes the socket: the handler decides what comes next. */
    private static final Set<ErrorCode> ENDING = EnumSet.of(ErrorCode.TOKEN_EXPIRED, ErrorCode.UNAUTHENTICATED,
            ErrorCode.EPOCH_CHANGED, ErrorCode.UNSUPPORTED_VERSION);
    private static final Logger LOG = LoggerFactory.getLogger(PlatformConnection.class);

    /** What to do after the platform refused the connection (see {@link Handler#onRejected}). */
    public enum Decision {
        /** Try again at once, e.g. with a refreshed token or after a restore. */
        RECONNECT_NOW,
        /** Try again after the backoff delay. */
        RECONNECT_WITH_BACKOFF,
        /** Wait in {@link ConnectionState.Paused} until {@link #resume()}, e.g. for the user to sign in. */
        PAUSE,
        /** Give up for good, e.g. UNSUPPORTED_VERSION. */
        STOP
    }

    /** The connection's owner: builds the hello and hears everything. Called on the scheduler thread only. */
    public interface Handler {
        /** The hello for the next attempt, built fresh (current token, epoch, session and cursors). */
        ClientFrame.Hello hello();

        /** The handshake succeeded; the state is already Live, so {@link #send} works from here. */
        void onWelcome(ServerFrame.Welcome welcome);

        /**
         * Every frame after welcome, and the frames before it other than welcome (such as
         * SESSION_UNKNOWN), except the errors that end the socket: those go to {@link #onRejected}.
         */
        void onFrame(ServerFrame frame);

        /**
         * The platform refused this connection: TOKEN_EXPIRED, UNAUTHENTICATED, EPOCH_CHANGED or
         * UNSUPPORTED_VERSION, at hello or later. Called once the socket has ended;
         * {@code closeCode} is how it closed (4000, 4001, 4002, or 1006 if it broke instead).
         */
        Decision onRejected(ServerFrame.Error error, int closeCode);

        void onState(ConnectionState state);
    }

    private final URI wsUrl;
    private final Transport transport;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Random random;
    private final Handler handler;
    private final Backoff backoff = new Backoff();

    // ---- owned by the scheduler thread ----
    private volatile ConnectionState state = new ConnectionState.Idle();
    private volatile Transport.Socket socket;
    /** Names the current socket; bumped whenever a socket is opened or given up. */
    private int generation;
    /** Failed attempts since the last welcome. */
    private int failures;
    /** Whether RECONNECT_NOW or 4009 already reconnected at once since the last welcome. */
    private boolean reconnectedAtOnce;
    /** The hello between opening the socket and sending it; holds a token, so kept no longer. */
    private ClientFrame.Hello pendingHello;
    /** An error that ends the current socket; acted on when the socket has ended. */
    private ServerFrame.Error rejection;
    /** The platform asked to wait at least this long before the next attempt. */
    private long retryAfterMs;
    private long lastFrameAt;
    private long pings;
    private Duration pingInterval = PING_INTERVAL;
    private Duration deadAfter = DEAD_AFTER;
    private Cancellable handshakeTimer = Cancellable.NONE;
    private Cancellable pingTimer = Cancellable.NONE;
    private Cancellable deadTimer = Cancellable.NONE;
    private Cancellable reconnectTimer = Cancellable.NONE;

    public PlatformConnection(URI wsUrl, Transport transport, Scheduler scheduler, Clock clock, Random random,
                              Handler handler) {
        this.wsUrl = Objects.requireNonNull(wsUrl, "wsUrl");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    // ---- what the owner calls -------------------------------------------------------------------

    /** Connects, if not started yet. */
    public void start() {
        scheduler.execute(() -> {
            if (state instanceof ConnectionState.Idle) {
                connect();
            }
        });
    }

    /** Closes the socket and stops for good. */
    public void stop() {
        scheduler.execute(this::stopNow);
    }

    /** Closes the socket and waits, without retrying, until {@link #resume()}. */
    public void pause(String reason) {
        scheduler.execute(() -> {
            if (state instanceof ConnectionState.Stopped) {
                return;
            }
            abandonSocket("paused");
            rejection = null;
            cancelTimers();
            setState(new ConnectionState.Paused(reason));
        });
    }

    /**
     * Connects now if paused (counting attempts from 0 again: whatever paused it has been dealt
     * with) or waiting to reconnect. Does nothing while connecting or live.
     */
    public void resume() {
        scheduler.execute(() -> {
            if (state instanceof ConnectionState.Paused) {
                failures = 0;
                connect();
            } else if (state instanceof ConnectionState.Reconnecting) {
                connect();
            }
        });
    }

    /** Gives up the current socket or wait, if any, and connects now. Not before start, not after stop. */
    public void reconnectNow() {
        scheduler.execute(() -> {
            if (state instanceof ConnectionState.Idle || state instanceof ConnectionState.Stopped) {
                return;
            }
            if (state instanceof ConnectionState.Paused) {
                failures = 0;
            }
            abandonSocket("reconnecting");
            connect();
        });
    }

    /** Sends a frame if live; false otherwise (nothing was sent: the outbox keeps it for later). */
    public boolean send(ClientFrame frame) {
        Transport.Socket s = socket;
        if (!(state instanceof ConnectionState.Live) || s == null) {
            return false;
        }
        return s.send(Wire.encode(frame));
    }

    public ConnectionState state() {
        return state;
    }

    // ---- connecting -----------------------------------------------------------------------------

    private void connect() {
        cancelTimers();
        int gen = ++generation;
        rejection = null;
        setState(new ConnectionState.Connecting(failures));
        if (gen != generation) {
            return; // the state listener stopped or paused us
        }
        ClientFrame.Hello hello;
        try {
            hello = Objects.requireNonNull(handler.hello(), "hello");
        } catch (RuntimeException e) {
            LOG.error("could not build the hello", e);
            scheduleReconnect("could not build the hello: " + e.getMessage());
            return;
        }
        pendingHello = hello;
        try {
            socket = transport.open(wsUrl, new SocketListener(gen));
        } catch (RuntimeException e) {
            pendingHello = null;
            scheduleReconnect("could not open a socket: " + e);
            return;
        }
        handshakeTimer = scheduler.schedule(HANDSHAKE_TIMEOUT, () -> {
            if (gen == generation && state instanceof ConnectionState.Connecting) {
                drop("no welcome within " + HANDSHAKE_TIMEOUT.toSeconds() + " s");
            }
        });
    }

    private void opened() {
        ClientFrame.Hello hello = pendingHello;
        pendingHello = null;
        if (hello == null) {
            return;
        }
        lastFrameAt = clock.millis();
        if (!socket.send(Wire.encode(hello))) {
            drop("could not send hello");
        }
    }

    private void received(String text) {
        lastFrameAt = clock.millis(); // any frame, even one we cannot read, proves the platform lives
        ServerFrame frame;
        try {
            frame = Wire.decodeServerFrame(text);
        } catch (ProtocolException e) {
            LOG.warn("ignoring a frame from the platform that does not decode: {}", e.getMessage());
            return;
        }
        if (frame instanceof ServerFrame.Error error && ENDING.contains(error.code())) {
            // The platform closes right after this; decide when the socket has ended.
            LOG.info("platform refused the connection: {} {}", error.code(), error.message());
            rejection = error;
            return;
        }
        if (state instanceof ConnectionState.Connecting) {
            if (frame instanceof ServerFrame.Welcome welcome) {
                welcomed(welcome);
                return;
            }
            deliver(frame);
            if (frame instanceof ServerFrame.Error error && error.retryAfterMs() != null) {
                // A handshake answered with "not now" will not be welcomed: leave, and come back later.
                retryAfterMs = Math.max(retryAfterMs, error.retryAfterMs());
                if (state instanceof ConnectionState.Connecting) {
                    drop("refused with " + error.code() + ", retry after " + error.retryAfterMs() + " ms");
                }
            }
        } else if (state instanceof ConnectionState.Live) {
            deliver(frame);
        }
    }

    private void welcomed(ServerFrame.Welcome welcome) {
        handshakeTimer.cancel();
        failures = 0;
        reconnectedAtOnce = false;
        retryAfterMs = 0;
        pingInterval = welcome.heartbeatSeconds() > 0 ? Duration.ofSeconds(welcome.heartbeatSeconds()) : PING_INTERVAL;
        // Never call a socket dead before it missed two pings' worth of answers.
        deadAfter = DEAD_AFTER.compareTo(pingInterval.multipliedBy(2)) >= 0 ? DEAD_AFTER : pingInterval.multipliedBy(2);
        int gen = generation;
        ConnectionState.Live live = new ConnectionState.Live(welcome.epoch(), welcome.sessionId(), welcome.resumed(),
                clock.millis());
        state = live;
        try {
            handler.onWelcome(welcome);
        } catch (RuntimeException e) {
            LOG.error("connection handler failed on welcome", e);
        }
        if (gen != generation || state != live) {
            return;
        }
        setState(live);
        schedulePing(gen);
        scheduleDeadCheck(gen);
    }

    // ---- liveness -------------------------------------------------------------------------------

    private void schedulePing(int gen) {
        pingTimer = scheduler.schedule(pingInterval, () -> {
            if (gen != generation) {
                return;
            }
            if (!socket.send(Wire.encode(new ClientFrame.Ping("p-" + (++pings))))) {
                drop("could not send a ping");
                return;
            }
            schedulePing(gen);
        });
    }

    /** Checks when the silence would reach {@link #deadAfter}, rather than rescheduling on every frame. */
    private void scheduleDeadCheck(int gen) {
        long silent = clock.millis() - lastFrameAt;
        long remaining = deadAfter.toMillis() - silent;
        if (remaining <= 0) {
            drop("no frame from the platform for " + deadAfter.toSeconds() + " s");
            return;
        }
        // At most deadAfter ahead, in case the wall clock went backwards.
        deadTimer = scheduler.schedule(Duration.ofMillis(Math.min(remaining, deadAfter.toMillis())), () -> {
            if (gen == generation) {
                scheduleDeadCheck(gen);
            }
        });
    }

    // ---- endings --------------------------------------------------------------------------------

    /** We give up on the current socket: close it and carry on as if it had ended by itself. */
    private void drop(String reason) {
        LOG.info("dropping the connection: {}", reason);
        abandonSocket(reason);
        ended(CLOSE_ABNORMAL, reason);
    }

    /** The current socket has ended, by the platform, the network or us. */
    private void ended(int closeCode, String reason) {
        cancelTimers();
        socket = null;
        pendingHello = null;
        generation++;
        ServerFrame.Error refused = rejection != null ? rejection : rejectionImpliedBy(closeCode, reason);
        rejection = null;
        if (refused != null) {
            Decision decision;
            try {
                decision = handler.onRejected(refused, closeCode);
            } catch (RuntimeException e) {
                LOG.error("connection handler failed on {}", refused.code(), e);
                decision = null;
            }
            apply(decision == null ? Decision.RECONNECT_WITH_BACKOFF : decision, refused.code().name());
        } else if (closeCode == CLOSE_TOO_SLOW) {
            // We fell behind; waiting would only make the replay longer.
            reconnectAtOnce(reason);
        } else {
            scheduleReconnect(reason);
        }
    }

    private void apply(Decision decision, String reason) {
        switch (decision) {
            case RECONNECT_NOW -> reconnectAtOnce(reason);
            case RECONNECT_WITH_BACKOFF -> scheduleReconnect(reason);
            case PAUSE -> setState(new ConnectionState.Paused(reason));
            case STOP -> stopNow();
        }
    }

    /** Once per welcome; after that, backoff, so that nothing can make the connection spin. */
    private void reconnectAtOnce(String reason) {
        if (reconnectedAtOnce) {
            scheduleReconnect(reason);
            return;
        }
        reconnectedAtOnce = true;
        failures++;
        connect();
    }

    private void scheduleReconnect(String reason) {
        failures++;
        long delay = backoff.delay(failures - 1, random).toMillis();
        if (retryAfterMs > delay) {
            delay = retryAfterMs;
        }
        retryAfterMs = 0;
        int gen = generation;
        setState(new ConnectionState.Reconnecting(failures, clock.millis() + delay, reason));
        if (gen != generation || !(state instanceof ConnectionState.Reconnecting)) {
            return; // the state listener changed course
        }
        reconnectTimer = scheduler.schedule(Duration.ofMillis(delay), () -> {
            if (gen == generation && state instanceof ConnectionState.Reconnecting) {
                connect();
            }
        });
    }

    private void stopNow() {
        if (state instanceof ConnectionState.Stopped) {
            return;
        }
        abandonSocket("stopped");
        rejection = null;
        cancelTimers();
        setState(new ConnectionState.Stopped());
    }

    /**
     * Closes the current socket, if any, so that nothing it says later is heard. A pending
     * rejection stays: {@link #drop} still has to act on it.
     */
    private void abandonSocket(String reason) {
        Transport.Socket s = socket;
        socket = null;
        pendingHello = null;
        generation++;
        if (s != null) {
            try {
                s.close(CLOSE_NORMAL, reason);
            } catch (RuntimeException e) {
                LOG.debug("closing an abandoned socket failed: {}", e.toString());
            }
        }
    }

    /** A close code that means refusal without the error frame before it (lost, or never sent). */
    private static ServerFrame.Error rejectionImpliedBy(int closeCode, String reason) {
        ErrorCode code = switch (closeCode) {
            case CLOSE_EPOCH_CHANGED -> ErrorCode.EPOCH_CHANGED;
            case CLOSE_UNAUTHENTICATED -> ErrorCode.UNAUTHENTICATED;
            case CLOSE_UNSUPPORTED_VERSION -> ErrorCode.UNSUPPORTED_VERSION;
            default -> null;
        };
        return code == null ? null : ServerFrame.Error.of(code, reason);
    }

    private void cancelTimers() {
        handshakeTimer.cancel();
        pingTimer.cancel();
        deadTimer.cancel();
        reconnectTimer.cancel();
        handshakeTimer = pingTimer = deadTimer = reconnectTimer = Cancellable.NONE;
    }

    private void setState(ConnectionState next) {
        state = next;
        LOG.info("connection {}", next);
        try {
            handler.onState(next);
        } catch (RuntimeException e) {
            LOG.error("connection handler failed on state {}", next, e);
        }
    }

    private void deliver(ServerFrame frame) {
        try {
            handler.onFrame(frame);
        } catch (RuntimeException e) {
            LOG.error("connection handler failed on a {} frame", frame.getClass().getSimpleName(), e);
        }
    }

    /** Hops every callback of one socket onto the scheduler, where only the current socket is heard. */
    private final class SocketListener implements Transport.Listener {
        private final int gen;

        SocketListener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen() {
            scheduler.execute(() -> {
                if (gen == generation) {
                    opened();
                }
            });
        }

        @Override
        public void onText(String text) {
            scheduler.execute(() -> {
                if (gen == generation) {
                    received(text);
                }
            });
        }

        @Override
        public void onClosed(int code, String reason) {
            scheduler.execute(() -> {
                if (gen == generation) {
                    ended(code, "closed by the platform with " + code + (reason.isEmpty() ? "" : ": " + reason));
                }
            });
        }

        @Override
        public void onFailure(Throwable error) {
            scheduler.execute(() -> {
                if (gen == generation) {
                    ended(CLOSE_ABNORMAL, "connection failed: " + error);
                }
            });
        }
    }
}
