package dev.holdfast.platform.live;

import dev.holdfast.platform.auth.AccountDirectory;
import dev.holdfast.platform.auth.ReceiptSigner;
import dev.holdfast.platform.config.Policies;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.ServerFrame;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's live state: conversations, the dedup index, connections, sessions and
 * presence, with its epoch. Everything here is guarded by one lock ({@link #locked}); every
 * change is written through to {@link Persistence} before it is applied, and frames are
 * handed to connections (which queue them) while the lock is held, so every receiver sees
 * events in log order.
 */
public final class LiveStore {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStore.class);
    static final int RECENT_EVENTS = 100;

    private final Object lock = new Object();
    private final Persistence persistence;
    private final ReceiptSigner signer;
    private final AccountDirectory accounts;
    private final Policies policies;
    private final Clock clock;
    private final Ids ids;

    // Guarded by lock.
    private String epoch;
    /** When this live state began: start of the process or the last wipe. */
    private long liveSince;
    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    /** (device or customer id, client message id) to the message event it produced. */
    private final Map<String, ConversationEvent> sent = new HashMap<>();
    /** The same key for customer messages held while their conversation awaits restore. */
    private final Map<String, PendingMessage> held = new HashMap<>();
    private final Connections connections = new Connections();

    public LiveStore(Persistence persistence, ReceiptSigner signer, AccountDirectory accounts, Policies policies,
                     Clock clock) {
        this.persistence = persistence;
        this.signer = signer;
        this.accounts = accounts;
        this.policies = policies;
        this.clock = clock;
        this.ids = new Ids(clock);
        this.liveSince = clock.millis();
        load();
    }

    private void load() {
        Persistence.Snapshot snap = persistence.load();
        epoch = snap.epoch();
        if (epoch == null) {
            epoch = newEpoch();
            persistence.saveEpoch(epoch);
        }
        Map<String, ConversationMeta> metas = snap.metas();
        List<String> idsInOrder = new ArrayList<>(snap.events().keySet());
        metas.keySet().stream().filter(id -> !snap.events().containsKey(id)).forEach(idsInOrder::add);
        for (String id : idsInOrder) {
            Conversation c = new Conversation(id, metas.getOrDefault(id, new ConversationMeta(null, 0, false, 0)));
            c.putAll(snap.events().getOrDefault(id, List.of()));
            for (PendingMessage p : snap.pending().getOrDefault(id, List.of())) {
                c.pending().add(p);
                held.put(key(p.customerId(), p.customerId(), p.clientMessageId()), p);
            }
            c.events().forEach(this::index);
            conversations.put(id, c);
        }
        LOG.info("live store ({}) ready: epoch {}, {} conversations", persistence.kind(), epoch, conversations.size());
    }

    private static String newEpoch() {
        return "ep-" + UUID.randomUUID();
    }

    /** Runs {@code work} holding the live store's lock. */
    public <T> T locked(Supplier<T> work) {
        synchronized (lock) {
            return work.get();
        }
    }

    public void locked(Runnable work) {
        synchronized (lock) {
            work.run();
        }
    }

    public String epoch() {
        synchronized (lock) {
            return epoch;
        }
    }

    public String storeKind() {
        return persistence.kind();
    }

    /** The platform's clock: every time it stamps or judges, and what a pong tells a client. */
    public Clock clock() {
        return clock;
    }

    Policies policies() {
        return policies;
    }

    AccountDirectory accounts() {
        return accounts;
    }

    ReceiptSigner signer() {
        return signer;
    }

    Persistence persistence() {
        return persistence;
    }

    Ids ids() {
        return ids;
    }

    Connections connections() {
        return connections;
    }

    Map<String, Conversation> conversations() {
        return conversations;
    }

    long now() {
        return clock.millis();
    }

    long liveSince() {
        return liveSince;
    }

    String currentEpoch() {
        return epoch;
    }

    Conversation require(String conversationId) {
        Conversation c = conversations.get(conversationId);
        if (c == null) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "no conversation " + conversationId);
        }
        return c;
    }

    /** Dedup key: who sent it, from which device, under which client message id. */
    static String key(String authorId, String deviceId, String clientMessageId) {
        return authorId + "\n" + deviceId + "\n" + clientMessageId;
    }

    ConversationEvent sentMessage(String authorId, String deviceId, String clientMessageId) {
        return sent.get(key(authorId, deviceId, clientMessageId));
    }

    PendingMessage heldMessage(String customerId, String clientMessageId) {
        return held.get(key(customerId, customerId, clientMessageId));
    }

    void hold(Conversation c, PendingMessage p) {
        persistence.savePending(c.id(), p);
        c.pending().add(p);
        held.put(key(p.customerId(), p.customerId(), p.clientMessageId()), p);
    }

    void forgetHeld(Conversation c) {
        c.pending().forEach(p -> held.remove(key(p.customerId(), p.customerId(), p.clientMessageId())));
        c.pending().clear();
    }

    void index(ConversationEvent e) {
        if (e.isMessage() && e.deviceId() != null && e.clientMessageId() != null) {
            sent.put(key(e.author().id(), e.deviceId(), e.clientMessageId()), e);
        }
    }

    /** A new event, numbered after the conversation's last, signed; not yet stored. */
    ConversationEvent draft(Conversation c, EventKind kind, Author author, String text, String clientMessageId,
                            String deviceId, String assignee, String reason, CustomerInfo customer) {
        return signer.sign(new ConversationEvent(ids.next("e"), c.id(), c.lastSeq() + 1, kind, now(), author, text,
                clientMessageId, deviceId, assignee, reason, customer, null));
    }

    /**
     * Stores a new event and tells everyone who should know. Returns the stored event.
     */
    ConversationEvent append(Conversation c, EventKind kind, Author author, String text, String clientMessageId,
                             String deviceId, String assignee, String reason, CustomerInfo customer) {
        ConversationEvent e = draft(c, kind, author, text, clientMessageId, deviceId, assignee, reason, customer);
        ConversationStatus statusBefore = c.status();
        String assigneeBefore = c.assignee();
        persistence.appendEvent(e);
        c.append(e);
        index(e);
        fanOut(c, e, statusBefore, assigneeBefore);
        return e;
    }

    /** Registers a new conversation (not yet holding events). */
    Conversation create(String id, ConversationMeta meta) {
        Conversation c = new Conversation(id, meta);
        conversations.put(id, c);
        return c;
    }

    void saveMeta(Conversation c, ConversationMeta meta) {
        persistence.saveMeta(c.id(), meta);
        c.meta(meta);
    }

    /** Replaces a conversation's log after a restore or rebase, reindexing its messages. */
    void replace(Conversation c, List<ConversationEvent> log, ConversationMeta meta) {
        persistence.replaceConversation(c.id(), log, meta);
        c.events().forEach(e -> {
            if (e.isMessage() && e.deviceId() != null) {
                sent.remove(key(e.author().id(), e.deviceId(), e.clientMessageId()));
            }
        });
        c.cutFrom(Long.MIN_VALUE);
        c.meta(meta);
        c.putAll(log);
        c.events().forEach(this::index);
        forgetHeld(c);
    }

    private void fanOut(Conversation c, ConversationEvent e, ConversationStatus statusBefore, String assigneeBefore) {
        String assigneeNow = c.assignee();
        ServerFrame.Event frame = new ServerFrame.Event(e);
        boolean newlyAssigned = assigneeNow != null && !assigneeNow.equals(assigneeBefore)
                && c.status() == ConversationStatus.ASSIGNED;
        ServerFrame toAssignee = newlyAssigned
                ? new ServerFrame.Conversation(c.summary(), c.recent(RECENT_EVENTS)) : frame;
        // Agents who neither hold nor held it only follow the queue, by summary.
        boolean queueChanged = statusBefore == ConversationStatus.QUEUED || c.status() == ConversationStatus.QUEUED;
        ServerFrame queueFrame = queueChanged ? new ServerFrame.Conversation(c.summary(), List.of()) : null;
        for (Connection conn : connections.agentConnections()) {
            String user = conn.userId();
            if (user.equals(assigneeNow)) {
                conn.send(toAssignee);
            } else if (user.equals(assigneeBefore) || conn.role().oversees()) {
                conn.send(frame);
            } else if (queueFrame != null) {
                conn.send(queueFrame);
            }
        }
        connections.toCustomer(c.id(), frame);
    }

    /** Sends the conversation's current state and recent events to everyone who follows it. */
    void announceRebuilt(Conversation c, long fromSeq) {
        ServerFrame.Conversation frame = new ServerFrame.Conversation(c.summary(),
                c.after(fromSeq - 1, Integer.MAX_VALUE));
        ServerFrame queueFrame = c.status() == ConversationStatus.QUEUED
                ? new ServerFrame.Conversation(c.summary(), List.of()) : null;
        for (Connection conn : connections.agentConnections()) {
            if (conn.userId().equals(c.assignee()) || conn.role().oversees()) {
                conn.send(frame);
            } else if (queueFrame != null) {
                conn.send(queueFrame);
            }
        }
        connections.toCustomer(c.id(), frame);
    }

    /** Drops the whole live store, as the incident did. Returns the old and new epoch. */
    public String[] wipe() {
        synchronized (lock) {
            String old = epoch;
            String fresh = newEpoch();
            persistence.wipe(fresh);
            for (Connection c : connections.all()) {
                c.close(4003, "platform state was lost");
            }
            connections.clear();
            conversations.clear();
            sent.clear();
            held.clear();
            epoch = fresh;
            liveSince = now();
            LOG.warn("live store wiped: epoch {} -> {}", old, fresh);
            return new String[] {old, fresh};
        }
    }

    /** Closes every socket; sessions stay, so clients resume. */
    public int dropConnections() {
        synchronized (lock) {
            List<Connection> all = connections.all();
            all.forEach(c -> c.close(4003, "connection dropped by the platform"));
            return all.size();
        }
    }

    /** Tells every connected agent their token expired and closes their sockets. */
    public int kickExpiredTokens(boolean all) {
        synchronized (lock) {
            long now = now();
            List<Connection> expired = new ArrayList<>();
            connections.tokenExpiry().forEach((conn, exp) -> {
                if (all || exp <= now) {
                    expired.add(conn);
                }
            });
            for (Connection conn : expired) {
                conn.send(ServerFrame.Error.of(ErrorCode.TOKEN_EXPIRED, "access token expired; refresh and reconnect"));
                conn.close(4001, "token expired");
                connections.tokenExpiry().remove(conn);
            }
            return expired.size();
        }
    }

    boolean canSee(String userId, Role role, Conversation c) {
        return role.oversees() || c.readableBy(userId);
    }
}
