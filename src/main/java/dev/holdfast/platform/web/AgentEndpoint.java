package dev.holdfast.platform.web;

import dev.holdfast.platform.auth.AccessClaims;
import dev.holdfast.platform.auth.TokenService;
import dev.holdfast.platform.live.AgentActions;
import dev.holdfast.protocol.ClientFrame;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GET /v1/ws: agents and supervisors. */
final class AgentEndpoint extends SocketEndpoint<AccessClaims> {
    private static final Logger LOG = LoggerFactory.getLogger(AgentEndpoint.class);

    private final AgentActions agents;
    private final TokenService tokens;

    AgentEndpoint(AgentActions agents, TokenService tokens, Executor writer, ScheduledExecutorService timers,
                  int helloTimeoutSeconds, Clock clock) {
        super(writer, timers, helloTimeoutSeconds, clock);
        this.agents = agents;
        this.tokens = tokens;
    }

    @Override
    AccessClaims authenticate(String token) {
        return tokens.verifyAccess(token);
    }

    @Override
    void identify(OutboundSocket socket, AccessClaims claims) {
        socket.identify(claims.userId(), claims.role(), null);
    }

    @Override
    boolean welcome(OutboundSocket socket, AccessClaims claims, ClientFrame.Hello hello) {
        return agents.hello(socket, claims, hello);
    }

    @Override
    void seen(Peer<AccessClaims> peer) {
        agents.seen(peer.socket);
    }

    @Override
    void handle(Peer<AccessClaims> peer, ClientFrame frame) {
        AccessClaims claims = peer.claims;
        if (frame instanceof ClientFrame.Send s) {
            peer.socket.send(agents.send(claims, peer.hello.deviceId(), s.conversationId(), s.clientMessageId(),
                    s.text()));
        } else if (frame instanceof ClientFrame.Typing t) {
            agents.typing(claims, t.conversationId(), t.active());
        } else if (frame instanceof ClientFrame.SetPresence p) {
            agents.setPresence(claims, p.status());
        } else if (frame instanceof ClientFrame.Outbox o) {
            agents.outbox(peer.socket, o.unsent());
        }
    }

    @Override
    void disconnected(OutboundSocket socket, AccessClaims claims) {
        agents.disconnected(socket);
    }

    @Override
    String describe(AccessClaims claims) {
        return claims.userId();
    }

    @Override
    Logger log() {
        return LOG;
    }
}
