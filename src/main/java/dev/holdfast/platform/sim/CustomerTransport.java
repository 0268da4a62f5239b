package dev.holdfast.platform.sim;

import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSession;
import java.util.concurrent.CompletableFuture;

/**
 * What a {@link SimulatedCustomer} needs from the network: open a conversation over HTTP and hold
 * a customer WebSocket. {@link WebSocketCustomerTransport} is the real one; tests use a fake.
 */
public interface CustomerTransport {

    /**
     * POST /v1/customer/conversations. Fails with a {@link dev.holdfast.protocol.ProtocolException}
     * carrying the platform's error code when it answers with an error body.
     */
    CompletableFuture<CustomerSession> open(CustomerOpenRequest request);

    /** Opens a customer WebSocket; frames and its end are reported to {@code listener}. */
    CompletableFuture<Connection> connect(Listener listener);

    /** One open customer WebSocket. */
    interface Connection {
        /** Queues a frame; a failure to send is reported to the listener as an error. */
        void send(ClientFrame frame);

        /** Closes normally (1000) without waiting for the platform's answer. */
        void close();

        /** Drops the connection at once, for a socket that went silent. */
        void abort();
    }

    /** Callbacks of one connection, possibly on another thread. */
    interface Listener {
        void onFrame(ServerFrame frame);

        void onClosed(int statusCode, String reason);

        void onError(Throwable error);
    }
}
