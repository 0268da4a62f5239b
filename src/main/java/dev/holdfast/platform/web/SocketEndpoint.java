package dev.holdfast.platform.web;

import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.Wire;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The life of one kind of WebSocket (agents' or customers'): hello first within a time limit,
 * protocol version and token checked, then every frame decoded strictly and answered; a bad
 * frame gets an error frame and the socket stays open, except where the protocol says close.
 *
 * @param <C> the verified claims of the peer
 */
abstract class SocketEndpoint<C> {
    private final Executor writer;
    private final ScheduledExecutorService timers;
    private final int helloTimeoutSeconds;
    /** Per open socket; each socket's callbacks come from Jetty one at a time. */
    private final Map<String, Peer<C>> peers = new ConcurrentHashMap<>();

    static final class Peer<C> {
        final OutboundSocket socket;
        volatile C claims;
        volatile ClientFrame.Hello hello;
        volatile ScheduledFuture<?> helloTimeout;

        Peer(OutboundSocket socket) {
            this.socket = socket;
        }
    }

    /** The platform's clock, for the time a pong reports (immutable). */
    private final Clock clock;

    SocketEndpoint(Executor writer, ScheduledExecutorService timers, int helloTimeoutSeconds, Clock clock) {
        this.clock = clock;
        this.writer = writer;
        this.timers = timers;
        this.helloTimeoutSeconds = helloTimeoutSeconds;
    }

    /** Verifies the hello's token; throws ProtocolException (TOKEN_EXPIRED, UNAUTHENTICATED). */
    abstract C authenticate(String token);

    /** Names the peer on the socket, for the live store. */
    abstract void identify(OutboundSocket socket, C claims);

    /** Runs the protocol's answer to hello; returns false when the socket was closed instead. */
    abstract boolean welcome(OutboundSocket socket, C claims, ClientFrame.Hello hello);

    /** Handles a frame after hello. */
    abstract void handle(Peer<C> peer, ClientFrame frame);

    abstract void disconnected(OutboundSocket socket, C claims);

    /** Any frame after hello is a sign of life. */
    void seen(Peer<C> peer) {
    }

    abstract String describe(C claims);

    abstract Logger log();

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            Peer<C> peer = new Peer<>(new OutboundSocket(ctx, writer));
            peers.put(ctx.sessionId(), peer);
            peer.helloTimeout = timers.schedule(() -> {
                if (peer.claims == null) {
                    peer.socket.send(ServerFrame.Error.of(ErrorCode.UNAUTHENTICATED,
                            "no hello within " + helloTimeoutSeconds + " s"));
                    peer.socket.close(4001, "hello expected");
                }
            }, helloTimeoutSeconds, TimeUnit.SECONDS);
        });
        ws.onMessage(ctx -> onMessage(ctx, ctx.message()));
        ws.onClose(ctx -> {
            Peer<C> peer = peers.remove(ctx.sessionId());
            if (peer != null) {
                peer.helloTimeout.cancel(false);
                if (peer.claims != null) {
                    disconnected(peer.socket, peer.claims);
                }
            }
        });
        ws.onError(ctx -> log().debug("socket error: {}", String.valueOf(ctx.error())));
    }

    private void onMessage(WsContext ctx, String text) {
        Peer<C> peer = peers.get(ctx.sessionId());
        if (peer == null) {
            return;
        }
        try {
            // Only the first frame, hello, may be as large as its cursors need.
            ClientFrame frame = Wire.decodeClientFrame(text,
                    peer.claims == null ? Limits.MAX_HELLO_BYTES : Limits.MAX_FRAME_BYTES);
            if (peer.claims == null) {
                hello(peer, frame);
                return;
            }
            seen(peer);
            if (frame instanceof ClientFrame.Ping p) {
                peer.socket.send(new ServerFrame.Pong(p.nonce(), clock.millis()));
            } else if (frame instanceof ClientFrame.Hello) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "hello was already received on this connection");
            } else {
                handle(peer, frame);
            }
        } catch (RuntimeException e) {
            String who = peer.claims == null ? "an unauthenticated socket" : describe(peer.claims);
            peer.socket.send(FrameErrors.toFrame(e, text, who, log()));
        }
    }

    private void hello(Peer<C> peer, ClientFrame frame) {
        OutboundSocket socket = peer.socket;
        if (!(frame instanceof ClientFrame.Hello hello)) {
            socket.send(ServerFrame.Error.of(ErrorCode.UNAUTHENTICATED, "the first frame must be hello"));
            socket.close(4001, "hello expected");
            return;
        }
        if (hello.protocol() != Limits.PROTOCOL_VERSION) {
            socket.send(ServerFrame.Error.of(ErrorCode.UNSUPPORTED_VERSION, "this platform speaks protocol "
                    + Limits.PROTOCOL_VERSION + ", not " + hello.protocol()));
            socket.close(4002, "unsupported protocol version");
            return;
        }
        C claims;
        try {
            claims = authenticate(hello.token());
        } catch (ProtocolException e) {
            socket.send(ServerFrame.Error.of(e.code(), e.getMessage()));
            socket.close(4001, e.code().name());
            return;
        }
        peer.helloTimeout.cancel(false);
        identify(socket, claims);
        peer.hello = hello;
        if (welcome(socket, claims, hello)) {
            peer.claims = claims;
        }
    }
}
