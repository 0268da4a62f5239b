package dev.holdfast.client.connection;

import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ServerFrame;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A {@link PlatformConnection.Handler} that remembers everything it was told and resumes like a
 * panel would: the next hello carries the epoch and session of the last welcome. Thread-safe
 * reads, so that real-time tests can watch it from the test thread.
 */
class RecordingHandler implements PlatformConnection.Handler {
    record Rejection(ServerFrame.Error error, int closeCode) {
    }

    final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    final List<ServerFrame.Welcome> welcomes = new CopyOnWriteArrayList<>();
    final List<ServerFrame> frames = new CopyOnWriteArrayList<>();
    final List<Rejection> rejections = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    volatile String token = "access-token-1";
    volatile String epoch;
    volatile String sessionId;
    volatile BiFunction<ServerFrame.Error, Integer, PlatformConnection.Decision> decide =
            (error, code) -> PlatformConnection.Decision.RECONNECT_WITH_BACKOFF;

    @Override
    public ClientFrame.Hello hello() {
        threads.add(Thread.currentThread().getName());
        return new ClientFrame.Hello(Limits.PROTOCOL_VERSION, token, "device-1", epoch, sessionId, Map.of());
    }

    @Override
    public void onWelcome(ServerFrame.Welcome welcome) {
        threads.add(Thread.currentThread().getName());
        welcomes.add(welcome);
        epoch = welcome.epoch();
        sessionId = welcome.sessionId();
    }

    @Override
    public void onFrame(ServerFrame frame) {
        threads.add(Thread.currentThread().getName());
        frames.add(frame);
    }

    @Override
    public PlatformConnection.Decision onRejected(ServerFrame.Error error, int closeCode) {
        threads.add(Thread.currentThread().getName());
        rejections.add(new Rejection(error, closeCode));
        return decide.apply(error, closeCode);
    }

    @Override
    public void onState(ConnectionState state) {
        threads.add(Thread.currentThread().getName());
        states.add(state);
    }

    ConnectionState lastState() {
        return states.isEmpty() ? null : states.get(states.size() - 1);
    }

    <T extends ServerFrame> List<T> frames(Class<T> type) {
        return frames.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
