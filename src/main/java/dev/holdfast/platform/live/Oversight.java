package dev.holdfast.platform.live;

import dev.holdfast.platform.audit.AuditLog;
import dev.holdfast.platform.auth.Account;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.Presence;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.supervision.AuditAction;
import dev.holdfast.protocol.supervision.ConnectionHealth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The live store as supervision sees it: what every conversation and agent is doing, and the
 * few changes a supervisor or a policy makes (say, close, reopen, reassign, set away), each
 * audited. Every method but {@link #locked} must be called while holding the live store's lock,
 * so that a check and the change it guards happen at one instant.
 */
public final class Oversight {
    private final LiveStore store;
    private final AgentActions agents;
    private final AuditLog audit;

    public Oversight(LiveStore store, AgentActions agents, AuditLog audit) {
        this.store = store;
        this.agents = agents;
        this.audit = audit;
    }

    /** What supervision knows about an agent; times in platform epoch ms, 0 for never. */
    public record AgentActivity(ConnectionHealth health, long offlineSince, long lastFrameAt, long lastTypedAt,
                                long lastSentAt, long lastActedAt, Map<String, Integer> unsent, Presence chosen) {
        public int unsentTotal() {
            return unsent.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** When a user last typed and sent in one conversation; 0 for never. */
    public record Marks(long typedAt, long sentAt) {
    }

    public <T> T locked(Supplier<T> work) {
        return store.locked(work);
    }

    public long now() {
        return store.now();
    }

    /** Queued and assigned conversations, in the order they were created. */
    public List<Conversation> open() {
        return store.conversations().values().stream().filter(Conversation::isOpen).toList();
    }

    /** The conversation, or null when the platform does not know it. */
    public Conversation find(String conversationId) {
        return store.conversations().get(conversationId);
    }

    public AgentActivity agent(String userId) {
        Connections connections = store.connections();
        AgentPresence p = connections.presence().get(userId);
        ActivityLog.Marks marks = connections.activity().ofAgent(userId);
        ConnectionHealth health = connections.health(userId);
        // An agent not seen since the live state began counts as disconnected from then.
        long offlineSince = health == ConnectionHealth.LIVE ? 0
                : p == null || p.offlineSince == 0 ? store.liveSince() : p.offlineSince;
        return new AgentActivity(health, offlineSince, p == null ? 0 : p.lastSeenAt, marks.typedAt, marks.sentAt,
                marks.actedAt, connections.unsent(userId), p == null ? Presence.AVAILABLE : p.chosen);
    }

    public Marks marks(String conversationId, String userId) {
        ActivityLog.Marks m = store.connections().activity().inConversation(conversationId, userId);
        return new Marks(m.typedAt, m.sentAt);
    }

    public List<Account> accounts() {
        return store.accounts().all();
    }

    public Optional<Account> account(String userId) {
        return store.accounts().byId(userId);
    }

    public Presence effectivePresence(String userId) {
        return store.connections().effectivePresence(userId);
    }

    /** Assigned conversations per agent. */
    public Map<String, Integer> openLoad() {
        return new Routing(store).openLoad();
    }

    /** An agent or supervisor as the author of a message or an action. */
    public Author author(String userId) {
        String name = store.accounts().byId(userId).map(Account::displayName).orElse(userId);
        return new Author(AuthorKind.AGENT, userId, name);
    }

    /** A message through the normal path: the customer, the agent and supervisors get it. */
    public void say(Conversation c, Author author, String text) {
        store.append(c, EventKind.MESSAGE, author, text, store.ids().next("m"), null, null, null, null);
        if (author.kind() == AuthorKind.AGENT) {
            store.connections().activity().sent(author.id(), c.id(), store.now());
        }
    }

    /** Closes an open conversation and audits it; returns the agent it was closed from (null if queued). */
    public String close(Conversation c, Author author, String actor, String reason, String batchId) {
        String from = c.assignee();
        store.append(c, EventKind.CLOSED, author, null, null, null, null, reason, null);
        audit.record(store.now(), actor, AuditAction.CLOSE, c.id(), from, reason, batchId);
        agents.drainQueue();
        return from;
    }

    /** Reopens a closed conversation to {@code toAgent}, or to the queue when null, and audits it. */
    public void reopen(Conversation c, Author author, String actor, String toAgent, String reason, String batchId) {
        if (toAgent == null) {
            store.append(c, EventKind.QUEUED, author, null, null, null, null, reason, null);
        } else {
            store.append(c, EventKind.REOPENED, author, null, null, null, toAgent, reason, null);
        }
        audit.record(store.now(), actor, AuditAction.REOPEN, c.id(), toAgent, reason, batchId);
        agents.drainQueue();
    }

    /** Moves an open conversation to {@code toAgent} and audits it. */
    public void reassign(Conversation c, Author author, String actor, String toAgent, String reason,
                         String batchId) {
        EventKind kind = c.status() == ConversationStatus.QUEUED ? EventKind.ASSIGNED : EventKind.TRANSFERRED;
        store.append(c, kind, author, null, null, null, toAgent, reason, null);
        audit.record(store.now(), actor, AuditAction.REASSIGN, c.id(), toAgent, reason, batchId);
    }

    /** Records a policy's warning to a silent customer. */
    public void audited(String actor, AuditAction action, String conversationId, String target, String reason) {
        audit.record(store.now(), actor, action, conversationId, target, reason, null);
    }

    /**
     * Sets an agent away: routing gives them nothing new, their conversations stay theirs, their
     * socket stays open. Supervisors and the agent's own panels are told.
     */
    public void setAway(String userId, String actor, String reason) {
        store.connections().presenceOf(userId).chosen = Presence.AWAY;
        ServerFrame frame = new ServerFrame.PresenceNotice(userId, store.connections().effectivePresence(userId));
        for (Connection c : store.connections().agentConnections()) {
            if (c.role().oversees() || c.userId().equals(userId)) {
                c.send(frame);
            }
        }
        audit.record(store.now(), actor, AuditAction.SIGN_OFF, null, userId, reason, null);
    }
}
