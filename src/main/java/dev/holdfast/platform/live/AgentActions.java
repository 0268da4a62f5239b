package dev.holdfast.platform.live;

import dev.holdfast.platform.auth.AccessClaims;
import dev.holdfast.platform.audit.AuditLog;
import dev.holdfast.platform.auth.Account;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.Presence;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.AgentInfo;
import dev.holdfast.protocol.http.EventPage;
import dev.holdfast.protocol.http.VersionedAction;
import dev.holdfast.protocol.supervision.AuditAction;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What agents and supervisors do: connect, send, type, set presence, take, transfer, close,
 * reopen, reassign and read. Every method checks the caller's role and the conversation's
 * version under the live store's lock.
 */
public final class AgentActions {
    private static final Logger LOG = LoggerFactory.getLogger(AgentActions.class);

    private final LiveStore store;
    private final Routing routing;
    private final AuditLog audit;

    public AgentActions(LiveStore store, AuditLog audit) {
        this.store = store;
        this.routing = new Routing(store);
        this.audit = audit;
    }

    // ---- connection lifecycle -------------------------------------------------------------

    /**
     * Handles an agent's hello on {@code conn} (token already verified): epoch check, session,
     * welcome, replay from cursors, snapshots, then synced. Returns false when the socket was
     * closed (epoch changed).
     */
    public boolean hello(Connection conn, AccessClaims claims, ClientFrame.Hello hello) {
        return store.locked(() -> {
            String epoch = store.currentEpoch();
            if (hello.epoch() != null && !hello.epoch().equals(epoch)) {
                conn.send(new ServerFrame.Error(ErrorCode.EPOCH_CHANGED,
                        "the platform lost its live state; restore your conversations, then reconnect",
                        null, null, null, epoch));
                conn.close(4000, "EPOCH_CHANGED");
                return false;
            }
            Connections connections = store.connections();
            Session session = hello.sessionId() == null ? null : connections.sessions().get(hello.sessionId());
            boolean resumed = session != null && session.userId.equals(claims.userId())
                    && session.deviceId.equals(hello.deviceId());
            if (hello.sessionId() != null && !resumed) {
                conn.send(ServerFrame.Error.of(ErrorCode.SESSION_UNKNOWN,
                        "session unknown; a new session starts and events are replayed from your cursors"));
            }
            if (!resumed) {
                session = new Session(store.ids().next("s"), claims.userId(), hello.deviceId());
                connections.sessions().put(session.id, session);
            }
            session.connections++;
            session.disconnectedAt = 0;
            conn.attach(session.id);
            boolean firstConnection = !connections.isConnected(claims.userId());
            connections.addAgent(conn, claims.expiresAt());
            AgentPresence presence = connections.presenceOf(claims.userId());
            presence.lastSeenAt = store.now();
            presence.offlineSince = 0;
            connections.activity().acted(claims.userId(), store.now());

            conn.send(new ServerFrame.Welcome(Limits.PROTOCOL_VERSION, epoch, session.id, resumed, claims.userId(),
                    claims.role(), Limits.HEARTBEAT_SECONDS, Limits.MAX_FRAME_BYTES, store.now()));
            int synced = replay(conn, claims, hello.cursors());
            conn.send(new ServerFrame.Synced(epoch, synced));
            if (firstConnection) {
                announcePresence(claims.userId());
                routing.drainQueue();
            }
            return true;
        });
    }

    private int replay(Connection conn, AccessClaims claims, Map<String, Long> cursors) {
        int count = 0;
        int window = store.policies().replayWindow();
        for (Map.Entry<String, Long> cursor : cursors.entrySet()) {
            Conversation c = store.conversations().get(cursor.getKey());
            if (c == null) {
                conn.send(new ServerFrame.Error(ErrorCode.NOT_FOUND, "no conversation " + cursor.getKey(), null,
                        cursor.getKey(), null, null));
                continue;
            }
            if (!store.canSee(claims.userId(), claims.role(), c)) {
                conn.send(new ServerFrame.Error(ErrorCode.FORBIDDEN, "not your conversation", null, c.id(), null,
                        null));
                continue;
            }
            long at = cursor.getValue() == null ? 0 : cursor.getValue();
            if (at > c.lastSeq() || at < c.firstSeq() - 1 || c.lastSeq() - at > window) {
                conn.send(new ServerFrame.Error(ErrorCode.CURSOR_TOO_OLD,
                        "cannot replay from " + at + "; here is the conversation's current state", null, c.id(),
                        null, null));
                conn.send(new ServerFrame.Conversation(c.summary(), c.recent(LiveStore.RECENT_EVENTS)));
            } else {
                for (ConversationEvent e : c.after(at, window)) {
                    conn.send(new ServerFrame.Event(e));
                }
            }
            count++;
        }
        int recent = claims.role().oversees() ? 20 : LiveStore.RECENT_EVENTS;
        for (Conversation c : store.conversations().values()) {
            if (cursors.containsKey(c.id())) {
                continue;
            }
            boolean mine = claims.userId().equals(c.assignee()) && c.status() == ConversationStatus.ASSIGNED;
            boolean overseen = claims.role().oversees() && c.isOpen();
            if (mine || overseen) {
                conn.send(new ServerFrame.Conversation(c.summary(), c.recent(recent)));
                count++;
            } else if (c.status() == ConversationStatus.QUEUED) {
                conn.send(new ServerFrame.Conversation(c.summary(), List.of()));
            }
        }
        return count;
    }

    /** A socket closed (by the client, the network, or the platform). */
    public void disconnected(Connection conn) {
        store.locked(() -> {
            Connections connections = store.connections();
            boolean last = connections.removeAgent(conn);
            Session session = conn.sessionId() == null ? null : connections.sessions().get(conn.sessionId());
            if (session != null && --session.connections <= 0) {
                session.connections = 0;
                session.disconnectedAt = store.now();
            }
            if (last) {
                AgentPresence p = connections.presenceOf(conn.userId());
                p.offlineSince = store.now();
                p.lastSeenAt = store.now();
                announcePresence(conn.userId());
            }
        });
    }

    /** Any frame from the agent counts as a sign of life. */
    public void seen(Connection conn) {
        store.locked(() -> {
            store.connections().presenceOf(conn.userId()).lastSeenAt = store.now();
        });
    }

    public void setPresence(AccessClaims claims, Presence status) {
        store.locked(() -> {
            AgentPresence p = store.connections().presenceOf(claims.userId());
            store.connections().activity().acted(claims.userId(), store.now());
            if (p.chosen != status) {
                p.chosen = status;
                announcePresence(claims.userId());
                if (status == Presence.AVAILABLE) {
                    routing.drainQueue();
                }
            }
        });
    }

    private void announcePresence(String userId) {
        ServerFrame frame = new ServerFrame.PresenceNotice(userId, store.connections().effectivePresence(userId));
        for (Connection c : store.connections().agentConnections()) {
            if (c.role().oversees()) {
                c.send(frame);
            }
        }
    }

    // ---- messages -------------------------------------------------------------------------

    /** Sends a message, or returns the first acknowledgement of the same (device, client message id). */
    public ServerFrame.Ack send(AccessClaims claims, String deviceId, String conversationId, String clientMessageId,
                                String text) {
        return store.locked(() -> {
            ConversationEvent earlier = store.sentMessage(claims.userId(), deviceId, clientMessageId);
            if (earlier != null) {
                if (earlier.conversationId().equals(conversationId) && earlier.text().equals(text)) {
                    return new ServerFrame.Ack(clientMessageId, conversationId, earlier, null);
                }
                throw new ProtocolException(ErrorCode.IDEMPOTENCY_MISMATCH,
                        "clientMessageId " + clientMessageId + " was already used for a different message");
            }
            Conversation c = store.require(conversationId);
            boolean holder = claims.userId().equals(c.assignee()) && c.status() == ConversationStatus.ASSIGNED;
            if (!holder && !(claims.role().oversees() && c.isOpen())) {
                if (c.status() == ConversationStatus.CLOSED
                        && (claims.role().oversees() || claims.userId().equals(c.assignee()))) {
                    throw new ProtocolException(ErrorCode.CONFLICT, "the conversation is closed");
                }
                if (c.status() == ConversationStatus.AWAITING_RESTORE) {
                    throw new ProtocolException(ErrorCode.CONFLICT,
                            "the conversation is awaiting restore; restore it first");
                }
                throw new ProtocolException(ErrorCode.FORBIDDEN, "the conversation is not assigned to you");
            }
            ConversationEvent e = store.append(c, EventKind.MESSAGE, author(claims), text, clientMessageId, deviceId,
                    null, null, null);
            store.connections().activity().sent(claims.userId(), conversationId, store.now());
            return new ServerFrame.Ack(clientMessageId, conversationId, e, null);
        });
    }

    public void typing(AccessClaims claims, String conversationId, boolean active) {
        store.locked(() -> {
            Conversation c = store.require(conversationId);
            if (!claims.userId().equals(c.assignee()) && !claims.role().oversees()) {
                throw new ProtocolException(ErrorCode.FORBIDDEN, "the conversation is not assigned to you");
            }
            store.connections().presenceOf(claims.userId()).lastSeenAt = store.now();
            store.connections().activity().typed(claims.userId(), conversationId, store.now());
            store.connections().toCustomer(conversationId,
                    new ServerFrame.TypingNotice(conversationId, author(claims), active));
        });
    }

    /**
     * The panel's latest report of its unacknowledged messages, kept on its session (replacing the
     * previous report) for as long as the session is kept.
     */
    public void outbox(Connection conn, Map<String, Integer> unsent) {
        store.locked(() -> {
            Session session = conn.sessionId() == null ? null : store.connections().sessions().get(conn.sessionId());
            if (session != null) {
                session.unsent = Map.copyOf(unsent);
            }
        });
    }

    /**
     * The user signed out on this device: their panel holds nothing for the platform any more, so
     * its outbox report goes, and a session without a socket ends now instead of at its TTL.
     */
    public void signedOut(String userId, String deviceId) {
        store.locked(() -> {
            var sessions = store.connections().sessions().values().iterator();
            while (sessions.hasNext()) {
                Session s = sessions.next();
                if (s.userId.equals(userId) && s.deviceId.equals(deviceId)) {
                    s.unsent = Map.of();
                    if (s.connections == 0) {
                        sessions.remove();
                    }
                }
            }
        });
    }

    // ---- state changes --------------------------------------------------------------------

    public ConversationSummary accept(AccessClaims claims, String conversationId, VersionedAction action) {
        return store.locked(() -> {
            Conversation c = store.require(conversationId);
            checkVersion(c, action);
            if (c.status() != ConversationStatus.QUEUED) {
                throw new ProtocolException(ErrorCode.CONFLICT, "the conversation is no longer in the queue");
            }
            store.append(c, EventKind.ASSIGNED, author(claims), null, null, null, claims.userId(), "taken from queue",
                    null);
            store.connections().activity().acted(claims.userId(), store.now());
            return c.summary();
        });
    }

    public ConversationSummary transfer(AccessClaims claims, String conversationId, VersionedAction action) {
        return store.locked(() -> {
            Conversation c = store.require(conversationId);
            requireHolderOrOverseer(claims, c);
            checkVersion(c, action);
            Account target = target(action.toAgent());
            if (c.status() != ConversationStatus.ASSIGNED) {
                throw new ProtocolException(ErrorCode.CONFLICT, "only an assigned conversation can be transferred");
            }
            if (target.id().equals(c.assignee())) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "the conversation is already assigned to " + target.id());
            }
            store.append(c, EventKind.TRANSFERRED, author(claims), null, null, null, target.id(), action.reason(),
                    null);
            audit.record(store.now(), claims.userId(), AuditAction.TRANSFER, c.id(), target.id(), action.reason(),
                    null);
            routing.drainQueue();
            return c.summary();
        });
    }

    public ConversationSummary close(AccessClaims claims, String conversationId, VersionedAction action) {
        return store.locked(() -> {
            Conversation c = store.require(conversationId);
            requireHolderOrOverseer(claims, c);
            checkVersion(c, action);
            if (action.reason() == null || action.reason().isBlank()) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "missing field: reason");
            }
            if (!c.isOpen()) {
                throw new ProtocolException(ErrorCode.CONFLICT, "the conversation is not open");
            }
            String from = c.assignee();
            store.append(c, EventKind.CLOSED, author(claims), null, null, null, null, action.reason(), null);
            LOG.info("conversation {} closed by {}: {}", c.id(), claims.userId(), action.reason());
            audit.record(store.now(), claims.userId(), AuditAction.CLOSE, c.id(), from, action.reason(), null);
            routing.drainQueue();
            return c.summary();
        });
    }

    public ConversationSummary reopen(AccessClaims claims, String conversationId, VersionedAction action) {
        return store.locked(() -> {
            requireOverseer(claims);
            Conversation c = store.require(conversationId);
            checkVersion(c, action);
            if (c.status() != ConversationStatus.CLOSED) {
                throw new ProtocolException(ErrorCode.CONFLICT, "only a closed conversation can be reopened");
            }
            String to = action.toAgent() != null ? target(action.toAgent()).id() : c.assignee();
            if (to == null) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "missing field: toAgent");
            }
            store.append(c, EventKind.REOPENED, author(claims), null, null, null, to, action.reason(), null);
            audit.record(store.now(), claims.userId(), AuditAction.REOPEN, c.id(), to, action.reason(), null);
            return c.summary();
        });
    }

    public ConversationSummary reassign(AccessClaims claims, String conversationId, VersionedAction action) {
        return store.locked(() -> {
            requireOverseer(claims);
            Conversation c = store.require(conversationId);
            checkVersion(c, action);
            Account target = target(action.toAgent());
            if (!c.isOpen()) {
                throw new ProtocolException(ErrorCode.CONFLICT, "only an open conversation can be reassigned");
            }
            if (target.id().equals(c.assignee())) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "the conversation is already assigned to " + target.id());
            }
            EventKind kind = c.status() == ConversationStatus.QUEUED ? EventKind.ASSIGNED : EventKind.TRANSFERRED;
            String reason = action.reason() == null ? "reassigned by " + claims.userId() : action.reason();
            store.append(c, kind, author(claims), null, null, null, target.id(), reason, null);
            audit.record(store.now(), claims.userId(), AuditAction.REASSIGN, c.id(), target.id(), reason, null);
            routing.drainQueue();
            return c.summary();
        });
    }

    // ---- reading --------------------------------------------------------------------------

    public List<ConversationSummary> list(AccessClaims claims, String scope) {
        return store.locked(() -> {
            List<Conversation> all = List.copyOf(store.conversations().values());
            List<Conversation> chosen = switch (scope) {
                case "mine" -> all.stream().filter(c -> claims.userId().equals(c.assignee())
                        && c.status() == ConversationStatus.ASSIGNED).toList();
                case "queue" -> all.stream().filter(c -> c.status() == ConversationStatus.QUEUED)
                        .sorted(Comparator.comparingLong(Conversation::queuedAt)).toList();
                case "all" -> {
                    requireOverseer(claims);
                    yield all;
                }
                default -> throw new ProtocolException(ErrorCode.BAD_REQUEST,
                        "scope must be mine, queue or all, not " + scope);
            };
            return chosen.stream().map(Conversation::summary).toList();
        });
    }

    public ConversationSummary conversation(AccessClaims claims, String conversationId) {
        return store.locked(() -> readable(claims, conversationId).summary());
    }

    public EventPage events(AccessClaims claims, String conversationId, Long after, Long before, int limit) {
        return store.locked(() -> pageOf(readable(claims, conversationId), after, before, limit));
    }

    EventPage pageOf(Conversation c, Long after, Long before, int limit) {
        int max = Math.max(1, Math.min(limit, Limits.MAX_PAGE_EVENTS));
        if (before != null) {
            List<ConversationEvent> events = c.before(before, max);
            boolean more = !events.isEmpty() && c.hasMoreBefore(events.get(0).seq());
            return new EventPage(store.currentEpoch(), c.summary(), events, more);
        }
        long from = after == null ? 0 : after;
        List<ConversationEvent> events = c.after(from, max);
        boolean more = !events.isEmpty() && c.hasMoreAfter(events.get(events.size() - 1).seq());
        return new EventPage(store.currentEpoch(), c.summary(), events, more);
    }

    public List<AgentInfo> agents() {
        return store.locked(() -> {
            Map<String, Integer> load = routing.openLoad();
            Connections connections = store.connections();
            return store.accounts().all().stream().map(a -> {
                AgentPresence p = connections.presence().get(a.id());
                Long lastSeen = p == null || p.lastSeenAt == 0 ? null : p.lastSeenAt;
                return new AgentInfo(a.id(), a.displayName(), a.role(), connections.effectivePresence(a.id()),
                        load.getOrDefault(a.id(), 0), a.capacity(), a.teams(), lastSeen);
            }).toList();
        });
    }

    /** Runs routing (after a restore, a restart after grace, or on a timer). */
    void drainQueue() {
        routing.drainQueue();
    }

    // ---- checks ---------------------------------------------------------------------------

    private Conversation readable(AccessClaims claims, String conversationId) {
        Conversation c = store.require(conversationId);
        if (!store.canSee(claims.userId(), claims.role(), c)) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "not your conversation");
        }
        return c;
    }

    private static void checkVersion(Conversation c, VersionedAction action) {
        if (action.version() != c.version()) {
            throw new ProtocolException(ErrorCode.CONFLICT, "the conversation changed (version " + c.version()
                    + ", you saw " + action.version() + "); refresh and try again");
        }
    }

    private static void requireHolderOrOverseer(AccessClaims claims, Conversation c) {
        if (!claims.role().oversees() && !claims.userId().equals(c.assignee())) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "the conversation is not assigned to you");
        }
    }

    private static void requireOverseer(AccessClaims claims) {
        if (!claims.role().oversees()) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "only supervisors and admins may do this");
        }
    }

    private Account target(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "missing field: toAgent");
        }
        Account a = store.accounts().byId(userId)
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no agent " + userId));
        if (a.role() == Role.ADMIN) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, userId + " is not an agent");
        }
        return a;
    }

    private Author author(AccessClaims claims) {
        String name = store.accounts().byId(claims.userId()).map(Account::displayName).orElse(claims.userId());
        return new Author(AuthorKind.AGENT, claims.userId(), name);
    }
}
