package dev.holdfast.platform.sim;

import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.Wire;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSession;
import dev.holdfast.protocol.http.ErrorBody;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer channel over the JDK's {@link HttpClient} and {@link WebSocket}: opens with
 * {@code POST {base}/v1/customer/conversations} and connects to {@code ws(s)://host:port/v1/customer/ws}
 * (the base URL's scheme, http or https, becomes ws or wss). All JSON goes through {@link Wire}.
 */
public final class WebSocketCustomerTransport implements CustomerTransport {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketCustomerTransport.class);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_RESPONSE_BYTES = Limits.MAX_TRANSPORT_FRAME_BYTES;

    private final HttpClient http;
    private final URI openUri;
    private final URI socketUri;

    public WebSocketCustomerTransport(URI baseUrl, HttpClient http) {
        this.http = http;
        this.openUri = resolve(baseUrl, "/v1/customer/conversations");
        this.socketUri = socketUri(baseUrl);
    }

    /** {@code {base}/v1/customer/conversations}. */
    public URI openUri() {
        return openUri;
    }

    /** {@code ws://host:port/v1/customer/ws} for an http base, {@code wss://} for https. */
    public URI socketUri() {
        return socketUri;
    }

    static URI socketUri(URI baseUrl) {
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase();
        String wsScheme = switch (scheme) {
            case "http", "ws" -> "ws";
            case "https", "wss" -> "wss";
            default -> throw new IllegalArgumentException("base URL must be http or https: " + baseUrl);
        };
        URI http = resolve(baseUrl, "/v1/customer/ws");
        try {
            return new URI(wsScheme, http.getRawAuthority(), http.getRawPath(), null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot derive a WebSocket URL from " + baseUrl, e);
        }
    }

    private static URI resolve(URI baseUrl, String path) {
        if (baseUrl.getHost() == null) {
            throw new IllegalArgumentException("base URL needs a host: " + baseUrl);
        }
        String basePath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        while (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        return URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + basePath + path);
    }

    @Override
    public CompletableFuture<CustomerSession> open(CustomerOpenRequest request) {
        HttpRequest post = HttpRequest.newBuilder(openUri)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Wire.encodeBytes(request)))
                .build();
        return http.sendAsync(post, HttpResponse.BodyHandlers.ofByteArray()).thenApply(this::session);
    }

    private CustomerSession session(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 200 || status == 201) {
            return Wire.decode(response.body(), CustomerSession.class, MAX_RESPONSE_BYTES);
        }
        throw errorOf(status, response.body());
    }

    static ProtocolException errorOf(int status, byte[] body) {
        try {
            ErrorBody.Detail error = Wire.decode(body, ErrorBody.class, MAX_RESPONSE_BYTES).error();
            return new ProtocolException(error.code(), error.message(), error.retryAfterMs(), null);
        } catch (RuntimeException notAnErrorBody) {
            String text = new String(body, StandardCharsets.UTF_8);
            return new ProtocolException(status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST,
                    "HTTP " + status + (text.isBlank() ? "" : ": " + abbreviate(text)));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    @Override
    public CompletableFuture<Connection> connect(Listener listener) {
        FrameReader reader = new FrameReader(listener);
        return http.newWebSocketBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .buildAsync(socketUri, reader)
                .thenApply(socket -> new SocketConnection(socket, reader));
    }

    /** Assembles text messages, decodes them and hands them on; reports the end once. */
    private static final class FrameReader implements WebSocket.Listener {
        private final Listener listener;
        private final StringBuilder partial = new StringBuilder();
        private final AtomicBoolean ended = new AtomicBoolean();

        FrameReader(Listener listener) {
            this.listener = listener;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                ServerFrame frame = null;
                try {
                    frame = Wire.decodeServerFrame(text);
                } catch (ProtocolException e) {
                    LOG.warn("ignoring a frame the customer channel cannot read ({}): {}", e.getMessage(),
                            abbreviate(text));
                }
                if (frame != null) {
                    listener.onFrame(frame);
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            if (ended.compareAndSet(false, true)) {
                listener.onClosed(statusCode, reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            failed(error);
        }

        void failed(Throwable error) {
            if (ended.compareAndSet(false, true)) {
                listener.onError(error);
            }
        }
    }

    /** Serializes sends: the JDK WebSocket allows one outstanding text send at a time. */
    private static final class SocketConnection implements Connection {
        private final WebSocket socket;
        private final FrameReader reader;
        private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

        SocketConnection(WebSocket socket, FrameReader reader) {
            this.socket = socket;
            this.reader = reader;
        }

        @Override
        public synchronized void send(ClientFrame frame) {
            String text = Wire.encode(frame);
            tail = tail.thenCompose(ignored -> socket.sendText(text, true));
            tail.whenComplete((ignored, error) -> {
                if (error != null) {
                    socket.abort();
                    reader.failed(error);
                }
            });
        }

        @Override
        public synchronized void close() {
            tail = tail.handle((ignored, error) -> null)
                    .thenCompose(ignored -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"))
                    .orTimeout(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((ignored, error) -> socket.abort());
        }

        @Override
        public void abort() {
            socket.abort();
        }
    }
}
