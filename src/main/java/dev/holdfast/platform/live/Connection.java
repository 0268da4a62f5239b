package dev.holdfast.platform.live;

import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.ServerFrame;

/**
 * One open WebSocket as the live store sees it. {@link #send} must not block: the transport
 * queues frames and delivers them in the order they were sent.
 */
public interface Connection {

    /** The agent's user id, or the customer's id. */
    String userId();

    /** Null for customers. */
    Role role();

    /** The customer's conversation; null for agents. */
    String conversationId();

    /** The session this connection joined at hello; null before. */
    String sessionId();

    /** Records the session chosen at hello. */
    void attach(String sessionId);

    void send(ServerFrame frame);

    void close(int code, String reason);

    default boolean isCustomer() {
        return role() == null;
    }
}
