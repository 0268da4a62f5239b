package dev.holdfast.platform.live;

import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.ServerFrame;
import java.util.ArrayList;
import java.util.List;

/** A connection that keeps what it was sent, for driving the live store without a socket. */
final class RecordingConnection implements Connection {
    final List<ServerFrame> frames = new ArrayList<>();
    final String userId;
    final Role role;
    final String conversationId;
    String sessionId;
    Integer closedWith;

    RecordingConnection(String userId, Role role, String conversationId) {
        this.userId = userId;
        this.role = role;
        this.conversationId = conversationId;
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public String conversationId() {
        return conversationId;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public void attach(String sessionId) {
        this.sessionId = sessionId;
    }

    @Override
    public void send(ServerFrame frame) {
        frames.add(frame);
    }

    @Override
    public void close(int code, String reason) {
        closedWith = code;
    }

    <T extends ServerFrame> List<T> all(Class<T> type) {
        return frames.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
