package dev.holdfast.platform;

import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.Wire;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A raw WebSocket peer for tests: sends frames or raw text, waits for frames and the close. */
public final class WsPeer implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BlockingQueue<ServerFrame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WsPeer(HttpClient http, URI uri) {
        socket = http.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(Wire.decodeServerFrame(partial.toString()));
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete(-1);
            }
        }).join();
    }

    public static WsPeer connect(URI base, String path) {
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws") + path);
        return new WsPeer(HttpClient.newHttpClient(), uri);
    }

    public WsPeer send(ClientFrame frame) {
        return sendRaw(Wire.encode(frame));
    }

    public WsPeer sendRaw(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    public WsPeer sendBinaryText(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        return this;
    }

    public WebSocket socket() {
        return socket;
    }

    public ServerFrame next() {
        try {
            ServerFrame f = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (f == null) {
                throw new AssertionError("no frame within " + WAIT);
            }
            return f;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Skips frames until one of the type matching the predicate arrives. */
    public <T extends ServerFrame> T await(Class<T> type, Predicate<T> matching) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<ServerFrame> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            ServerFrame f;
            try {
                f = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (f == null) {
                break;
            }
            if (type.isInstance(f) && matching.test(type.cast(f))) {
                return type.cast(f);
            }
            skipped.add(f);
        }
        throw new AssertionError("no " + type.getSimpleName() + " matching within " + WAIT + "; skipped " + skipped);
    }

    public <T extends ServerFrame> T await(Class<T> type) {
        return await(type, f -> true);
    }

    /** Frames that arrived so far, without waiting. */
    public List<ServerFrame> drain() {
        List<ServerFrame> out = new ArrayList<>();
        frames.drainTo(out);
        return out;
    }

    public int awaitClose() {
        return closed.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }
}
