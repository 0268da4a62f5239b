package dev.holdfast.platform.web;

import dev.holdfast.platform.auth.CustomerClaims;
import dev.holdfast.platform.auth.TokenService;
import dev.holdfast.platform.live.CustomerActions;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ProtocolException;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GET /v1/customer/ws: a customer's widget, scoped to the conversation in its token. */
final class CustomerEndpoint extends SocketEndpoint<CustomerClaims> {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerEndpoint.class);

    private final CustomerActions customers;
    private final TokenService tokens;

    CustomerEndpoint(CustomerActions customers, TokenService tokens, Executor writer, ScheduledExecutorService timers,
                     int helloTimeoutSeconds, Clock clock) {
        super(writer, timers, helloTimeoutSeconds, clock);
        this.customers = customers;
        this.tokens = tokens;
    }

    @Override
    CustomerClaims authenticate(String token) {
        return tokens.verifyCustomer(token);
    }

    @Override
    void identify(OutboundSocket socket, CustomerClaims claims) {
        socket.identify(claims.customer().id(), null, claims.conversationId());
    }

    @Override
    boolean welcome(OutboundSocket socket, CustomerClaims claims, ClientFrame.Hello hello) {
        customers.hello(socket, claims, hello);
        return true;
    }

    @Override
    void handle(Peer<CustomerClaims> peer, ClientFrame frame) {
        CustomerClaims claims = peer.claims;
        if (frame instanceof ClientFrame.Send s) {
            requireOwn(claims, s.conversationId());
            peer.socket.send(customers.send(claims, s.clientMessageId(), s.text()));
        } else if (frame instanceof ClientFrame.Typing t) {
            requireOwn(claims, t.conversationId());
            customers.typing(claims, t.active());
        } else {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "customers have no presence to set");
        }
    }

    private static void requireOwn(CustomerClaims claims, String conversationId) {
        if (!claims.conversationId().equals(conversationId)) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "not your conversation");
        }
    }

    @Override
    void disconnected(OutboundSocket socket, CustomerClaims claims) {
        customers.disconnected(socket);
    }

    @Override
    String describe(CustomerClaims claims) {
        return "customer " + claims.customer().id();
    }

    @Override
    Logger log() {
        return LOG;
    }
}
