package dev.holdfast.platform.web;

import dev.holdfast.platform.live.Connection;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.Wire;
import io.javalin.websocket.WsContext;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket as the live store sees it. {@link #send} only queues: one drain task at a time
 * writes the queue in order on {@code writer}, so the live store never blocks on a slow peer
 * and frames leave in the order they were produced. A peer that falls too far behind is
 * disconnected (4009) and catches up from its cursors when it reconnects.
 */
final class OutboundSocket implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundSocket.class);
    static final int MAX_QUEUED = 10_000;

    private record Close(int code, String reason) {
    }

    private final WsContext ctx;
    private final Executor writer;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();

    // Written once by the socket's handler thread at hello, read by others afterwards.
    private volatile String userId;
    private volatile Role role;
    private volatile String conversationId;
    private volatile String sessionId;

    OutboundSocket(WsContext ctx, Executor writer) {
        this.ctx = ctx;
        this.writer = writer;
    }

    void identify(String userId, Role role, String conversationId) {
        this.userId = userId;
        this.role = role;
        this.conversationId = conversationId;
    }

    boolean identified() {
        return userId != null;
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
        if (closing.get()) {
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            LOG.warn("socket of {} is {} frames behind; disconnecting it", userId, MAX_QUEUED);
            close(4009, "too slow: reconnect and catch up from your cursors");
            return;
        }
        queue.add(Wire.encode(frame));
        drain();
    }

    @Override
    public void close(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            queue.add(new Close(code, reason));
            drain();
        }
    }

    private void drain() {
        if (draining.compareAndSet(false, true)) {
            writer.execute(this::writeQueued);
        }
    }

    private void writeQueued() {
        try {
            Object next;
            while ((next = queue.poll()) != null) {
                if (next instanceof Close c) {
                    queue.clear();
                    if (ctx.session.isOpen()) {
                        ctx.closeSession(c.code(), c.reason());
                    }
                    return;
                }
                queued.decrementAndGet();
                if (ctx.session.isOpen()) {
                    ctx.session.getRemote().sendString((String) next);
                }
            }
        } catch (Exception e) {
            LOG.debug("write to {} failed: {}", userId, e.toString());
            queue.clear();
        } finally {
            draining.set(false);
            if (!queue.isEmpty()) {
                drain();
            }
        }
    }
}
