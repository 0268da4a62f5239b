package dev.holdfast.platform.live;

import dev.holdfast.protocol.Presence;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.supervision.ConnectionHealth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is connected: agents' sockets by user, customers' sockets by conversation, sessions,
 * presence and what agents did (the activity log). Part of the live store and guarded by its lock; lost on a wipe.
 */
final class Connections {
    private final Map<String, Set<Connection>> agents = new HashMap<>();
    private final Map<String, Set<Connection>> customers = new HashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, AgentPresence> presence = new HashMap<>();
    /** When each agent connection's access token expires. */
    private final Map<Connection, Long> tokenExpiry = new HashMap<>();
    private final ActivityLog activity = new ActivityLog();

    void addAgent(Connection c, long tokenExpiresAt) {
        agents.computeIfAbsent(c.userId(), k -> new LinkedHashSet<>()).add(c);
        tokenExpiry.put(c, tokenExpiresAt);
    }

    /** Returns true when this was the user's last connection. */
    boolean removeAgent(Connection c) {
        tokenExpiry.remove(c);
        Set<Connection> set = agents.get(c.userId());
        if (set == null || !set.remove(c)) {
            return false;
        }
        if (set.isEmpty()) {
            agents.remove(c.userId());
            return true;
        }
        return false;
    }

    void addCustomer(Connection c) {
        customers.computeIfAbsent(c.conversationId(), k -> new LinkedHashSet<>()).add(c);
    }

    void removeCustomer(Connection c) {
        Set<Connection> set = customers.get(c.conversationId());
        if (set != null) {
            set.remove(c);
            if (set.isEmpty()) {
                customers.remove(c.conversationId());
            }
        }
    }

    boolean isConnected(String userId) {
        return agents.containsKey(userId);
    }

    Set<String> connectedAgents() {
        return agents.keySet();
    }

    void toUser(String userId, ServerFrame frame) {
        if (userId == null) {
            return;
        }
        for (Connection c : agents.getOrDefault(userId, Set.of())) {
            c.send(frame);
        }
    }

    /** To the customer's sockets, as a customer may see it ({@link CustomerCopy}). */
    void toCustomer(String conversationId, ServerFrame frame) {
        Set<Connection> sockets = customers.getOrDefault(conversationId, Set.of());
        if (sockets.isEmpty()) {
            return;
        }
        ServerFrame copy = CustomerCopy.of(frame);
        for (Connection c : sockets) {
            c.send(copy);
        }
    }

    /** Every agent-side connection whose role passes the filter. */
    List<Connection> agentConnections() {
        List<Connection> all = new ArrayList<>();
        agents.values().forEach(all::addAll);
        return all;
    }

    List<Connection> all() {
        List<Connection> all = agentConnections();
        customers.values().forEach(all::addAll);
        return all;
    }

    Map<Connection, Long> tokenExpiry() {
        return tokenExpiry;
    }

    Map<String, Session> sessions() {
        return sessions;
    }

    AgentPresence presenceOf(String userId) {
        return presence.computeIfAbsent(userId, k -> new AgentPresence());
    }

    Presence effectivePresence(String userId) {
        if (!isConnected(userId)) {
            return Presence.OFFLINE;
        }
        return presenceOf(userId).chosen;
    }

    Map<String, AgentPresence> presence() {
        return presence;
    }

    ActivityLog activity() {
        return activity;
    }

    /**
     * LIVE with an open socket; RECONNECTING while a session of theirs is kept after its socket
     * closed (it may come back and resume); OFFLINE otherwise.
     */
    ConnectionHealth health(String userId) {
        if (isConnected(userId)) {
            return ConnectionHealth.LIVE;
        }
        for (Session s : sessions.values()) {
            if (s.userId.equals(userId)) {
                return ConnectionHealth.RECONNECTING;
            }
        }
        return ConnectionHealth.OFFLINE;
    }

    /** The latest outbox reports of the user's kept sessions, summed per conversation. */
    Map<String, Integer> unsent(String userId) {
        Map<String, Integer> total = new HashMap<>();
        for (Session s : sessions.values()) {
            if (s.userId.equals(userId)) {
                s.unsent.forEach((conversation, count) -> total.merge(conversation, count, Integer::sum));
            }
        }
        return total;
    }

    void clear() {
        agents.clear();
        customers.clear();
        sessions.clear();
        presence.clear();
        tokenExpiry.clear();
        activity.clear();
    }
}
