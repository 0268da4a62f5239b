package dev.holdfast.client.connection;

import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.Wire;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Transport} the test drives by hand: it records what was opened and sent, and plays the
 * platform's side (open, frames, close, failure) only when told to. Callbacks come on the test's
 * thread, like a library's would come on its own; the connection must hop them onto its scheduler.
 */
final class FakeTransport implements Transport {
    final List<FakeSocket> sockets = new ArrayList<>();
    RuntimeException failOpen;

    @Override
    public Socket open(URI uri, Listener listener) {
        if (failOpen != null) {
            throw failOpen;
        }
        FakeSocket socket = new FakeSocket(uri, listener);
        sockets.add(socket);
        return socket;
    }

    FakeSocket last() {
        if (sockets.isEmpty()) {
            throw new AssertionError("no socket was opened");
        }
        return sockets.get(sockets.size() - 1);
    }

    static final class FakeSocket implements Socket {
        final URI uri;
        final Listener listener;
        final List<String> sent = new ArrayList<>();
        boolean open;
        Integer closedWith;
        String closeReason;

        FakeSocket(URI uri, Listener listener) {
            this.uri = uri;
            this.listener = listener;
        }

        @Override
        public boolean send(String text) {
            if (!open || closedWith != null) {
                return false;
            }
            sent.add(text);
            return true;
        }

        @Override
        public void close(int code, String reason) {
            if (closedWith == null) {
                closedWith = code;
                closeReason = reason;
            }
        }

        boolean closedByClient() {
            return closedWith != null;
        }

        List<ClientFrame> frames() {
            return sent.stream().map(Wire::decodeClientFrame).toList();
        }

        <T extends ClientFrame> List<T> frames(Class<T> type) {
            return frames().stream().filter(type::isInstance).map(type::cast).toList();
        }

        // ---- the platform's side ----

        void peerOpens() {
            open = true;
            listener.onOpen();
        }

        void peerSends(ServerFrame frame) {
            listener.onText(Wire.encode(frame));
        }

        void peerSendsText(String text) {
            listener.onText(text);
        }

        void peerCloses(int code, String reason) {
            open = false;
            listener.onClosed(code, reason);
        }

        void breaks(Throwable error) {
            open = false;
            listener.onFailure(error);
        }
    }
}
