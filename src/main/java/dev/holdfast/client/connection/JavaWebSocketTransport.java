package dev.holdfast.client.connection;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Transport} on Java-WebSocket ({@code org.java_websocket}). Each {@link #open} makes one
 * {@link WebSocketClient} (a client cannot be reused) with its own reader and writer threads.
 *
 * <p>Java-WebSocket's own liveness timer (WebSocket pings) is off: the protocol pings at the
 * application level, which also proves the platform's handler is alive, not only its socket.
 */
public final class JavaWebSocketTransport implements Transport {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * How long a closing handshake may take before the TCP connection is cut. A dead peer never
     * answers a close frame, and the library would otherwise keep its threads and socket forever.
     */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(JavaWebSocketTransport.class);

    private final Duration connectTimeout;

    public JavaWebSocketTransport() {
        this(DEFAULT_CONNECT_TIMEOUT);
    }

    public JavaWebSocketTransport(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @Override
    public Socket open(URI uri, Listener listener) {
        Client client = new Client(uri, listener, (int) connectTimeout.toMillis());
        client.connect();
        return new ClientSocket(client);
    }

    /** The {@link Socket} face of a client (WebSocketClient's own send and close return void). */
    private static final class ClientSocket implements Socket {
        private final Client client;

        ClientSocket(Client client) {
            this.client = client;
        }

        @Override
        public boolean send(String text) {
            try {
                client.send(text);
                return true;
            } catch (WebsocketNotConnectedException e) {
                return false;
            }
        }

        @Override
        public void close(int code, String reason) {
            client.closeRequested = true;
            client.close(code, reason);
            CompletableFuture.delayedExecutor(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                if (!client.isClosed()) {
                    client.closeConnection(CloseFrame.ABNORMAL_CLOSE, "closing handshake timed out");
                }
            });
        }
    }

    private static final class Client extends WebSocketClient {
        private final Listener listener;
        // Written by the library's threads and by close(); read by the library's reader thread.
        private volatile boolean opened;
        volatile boolean closeRequested;
        private volatile boolean ended;
        private volatile Exception failure;

        Client(URI uri, Listener listener, int connectTimeoutMillis) {
            super(uri, new Draft_6455(), null, connectTimeoutMillis);
            this.listener = listener;
            setConnectionLostTimeout(0);
            setDaemon(true);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            opened = true;
            if (closeRequested) {
                // Abandoned while connecting: the caller has moved on; only the ending is reported.
                closeConnection(CloseFrame.NORMAL, "abandoned while connecting");
                return;
            }
            deliver(listener::onOpen);
        }

        @Override
        public void onMessage(String message) {
            deliver(() -> listener.onText(message));
        }

        @Override
        public void onError(Exception ex) {
            // The library calls onClose after an error that ends the connection; the end is
            // reported there, as a failure, so that the listener hears exactly one ending.
            if (failure == null) {
                failure = ex;
            }
            LOG.debug("socket to {}: {}", uri, ex.toString());
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            if (ended) {
                return;
            }
            ended = true;
            Exception error = failure;
            if (!opened) {
                // Never connected (refused, unknown host, handshake refused, timed out).
                Throwable cause = error != null ? error : new IOException("could not connect: " + reason);
                deliver(() -> listener.onFailure(cause));
            } else if (error != null && code == CloseFrame.ABNORMAL_CLOSE) {
                deliver(() -> listener.onFailure(error));
            } else {
                deliver(() -> listener.onClosed(code, reason == null ? "" : reason));
            }
        }

        private void deliver(Runnable callback) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                // An exception escaping into the library would reach onError and could end the
                // socket behind the listener's back.
                LOG.error("socket listener failed", e);
            }
        }
    }
}
