package dev.holdfast.client.connection;

import java.net.URI;

/**
 * A WebSocket library, reduced to what {@link PlatformConnection} needs, so that the connection's
 * state machine can be tested with a fake and the library can be swapped.
 *
 * <p>Contract: {@link #open} returns at once and connects in the background. The listener then
 * hears {@code onOpen} at most once, {@code onText} any number of times after it, and exactly one
 * of {@code onClosed} or {@code onFailure}, which ends the socket. Callbacks come on the
 * library's threads, one at a time per socket; receivers hop them onto their own thread.
 */
public interface Transport {

    Socket open(URI uri, Listener listener);

    /** One connection. Methods may be called from any thread. */
    interface Socket {
        /** Queues a text frame; false if the socket is not open (nothing was queued). */
        boolean send(String text);

        /**
         * Starts the closing handshake with {@code code} and {@code reason}, or abandons a socket
         * that is still connecting. Does not wait for the peer. The listener still hears the end.
         */
        void close(int code, String reason);
    }

    interface Listener {
        void onOpen();

        void onText(String text);

        /** The socket closed with this close code (1006 when the connection broke without one). */
        void onClosed(int code, String reason);

        /** The socket could not connect, or broke with an error. */
        void onFailure(Throwable error);
    }
}
