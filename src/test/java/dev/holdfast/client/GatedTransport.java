package dev.holdfast.client;

import dev.holdfast.client.connection.JavaWebSocketTransport;
import dev.holdfast.client.connection.Transport;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.Wire;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The real WebSocket transport with a gate on what the desk hears: while {@link #hold()} is on,
 * every callback of every socket (frames, closes, failures) waits, in order; {@link #release()}
 * delivers them. Lets a test make the desk deaf for a moment, e.g. to let an HTTP call meet an
 * expired token before the socket has learnt of it. And while {@link #refuseSends} is set, the
 * socket refuses the desk's {@code send} frames, so that its messages stay queued.
 */
final class GatedTransport implements Transport {
    private final Transport real = new JavaWebSocketTransport();
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;
    private volatile boolean refusingSends;

    void refuseSends(boolean refuse) {
        refusingSends = refuse;
    }

    synchronized void hold() {
        holding = true;
    }

    void release() {
        List<Runnable> due;
        synchronized (this) {
            holding = false;
            due = new ArrayList<>(held);
            held.clear();
        }
        due.forEach(Runnable::run);
    }

    private void pass(Runnable callback) {
        synchronized (this) {
            if (holding) {
                held.add(callback);
                return;
            }
        }
        callback.run();
    }

    @Override
    public Socket open(URI uri, Listener listener) {
        Socket socket = real.open(uri, new Listener() {
            @Override
            public void onOpen() {
                pass(listener::onOpen);
            }

            @Override
            public void onText(String text) {
                pass(() -> listener.onText(text));
            }

            @Override
            public void onClosed(int code, String reason) {
                pass(() -> listener.onClosed(code, reason));
            }

            @Override
            public void onFailure(Throwable error) {
                pass(() -> listener.onFailure(error));
            }
        });
        return new Socket() {
            @Override
            public boolean send(String text) {
                if (refusingSends && Wire.decodeClientFrame(text) instanceof ClientFrame.Send) {
                    return false;
                }
                return socket.send(text);
            }

            @Override
            public void close(int code, String reason) {
                socket.close(code, reason);
            }
        };
    }
}
