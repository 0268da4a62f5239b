package dev.holdfast.client;

import dev.holdfast.platform.Http;
import dev.holdfast.platform.WsPeer;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSession;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer's widget for tests: opens a conversation, keeps a socket, and sends each message
 * until acknowledged, reconnecting and resending under the same id when the socket drops.
 */
public final class TestCustomer implements AutoCloseable {
    private final URI base;
    public final CustomerSession session;
    /** Client message ids in the order the customer wrote them. */
    public final List<String> sentIds = new ArrayList<>();
    private WsPeer ws;
    private long cursor;

    public TestCustomer(URI base, String name, String language) {
        this.base = base;
        this.session = new Http(base).post("/v1/customer/conversations", null,
                new CustomerOpenRequest(name, language, "web", List.of())).as(CustomerSession.class);
    }

    public String conversationId() {
        return session.conversationId();
    }

    private void connect() {
        if (ws != null) {
            ws.close();
        }
        ws = WsPeer.connect(base, "/v1/customer/ws");
        ws.send(new ClientFrame.Hello(Limits.PROTOCOL_VERSION, session.customerToken(), session.customerId(), null,
                null, Map.of(conversationId(), cursor)));
        ws.await(ServerFrame.Synced.class);
    }

    /** Sends until the platform acknowledges (held or sequenced); returns the ack. */
    public ServerFrame.Ack send(String text) {
        String id = UUID.randomUUID().toString();
        sentIds.add(id);
        AssertionError last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                if (ws == null || ws.isClosed()) {
                    connect();
                }
                ws.send(new ClientFrame.Send(conversationId(), id, text));
                ServerFrame.Ack ack = ws.await(ServerFrame.Ack.class, a -> a.clientMessageId().equals(id));
                for (ServerFrame f : ws.drain()) {
                    if (f instanceof ServerFrame.Event e) {
                        cursor = Math.max(cursor, e.event().seq());
                    }
                }
                if (ack.event() != null) {
                    cursor = Math.max(cursor, ack.event().seq());
                }
                return ack;
            } catch (AssertionError | RuntimeException e) {
                last = e instanceof AssertionError a ? a : new AssertionError(e);
                ws = null;
            }
        }
        throw last;
    }

    @Override
    public void close() {
        if (ws != null) {
            ws.close();
        }
    }
}
