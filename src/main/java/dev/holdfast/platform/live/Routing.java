package dev.holdfast.platform.live;

import dev.holdfast.platform.auth.Account;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.Presence;
import dev.holdfast.protocol.Role;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives queued conversations to agents: the least-loaded available agent under their capacity,
 * ties to whoever waited longest since their last assignment; the oldest queued conversation
 * first. Call only while holding the live store's lock.
 */
final class Routing {
    private final LiveStore store;

    Routing(LiveStore store) {
        this.store = store;
    }

    /** Assigns queued conversations while some available agent has room. */
    void drainQueue() {
        List<Conversation> queued = store.conversations().values().stream()
                .filter(c -> c.status() == ConversationStatus.QUEUED)
                .sorted(Comparator.comparingLong(Conversation::queuedAt))
                .toList();
        if (queued.isEmpty()) {
            return;
        }
        Map<String, Integer> load = openLoad();
        for (Conversation c : queued) {
            Optional<Account> agent = pick(load);
            if (agent.isEmpty()) {
                return;
            }
            String id = agent.get().id();
            store.append(c, EventKind.ASSIGNED, Author.system(), null, null, null, id, "routed", null);
            load.merge(id, 1, Integer::sum);
            store.connections().presenceOf(id).lastAssignedAt = store.now();
        }
    }

    private Optional<Account> pick(Map<String, Integer> load) {
        Connections connections = store.connections();
        return store.accounts().all().stream()
                .filter(a -> a.role() == Role.AGENT)
                .filter(a -> connections.effectivePresence(a.id()) == Presence.AVAILABLE)
                .filter(a -> load.getOrDefault(a.id(), 0) < a.capacity())
                .min(Comparator.<Account>comparingInt(a -> load.getOrDefault(a.id(), 0))
                        .thenComparingLong(a -> connections.presenceOf(a.id()).lastAssignedAt)
                        .thenComparing(Account::id));
    }

    /** Open (assigned) conversations per agent. */
    Map<String, Integer> openLoad() {
        Map<String, Integer> load = new HashMap<>();
        for (Conversation c : store.conversations().values()) {
            if (c.status() == ConversationStatus.ASSIGNED) {
                load.merge(c.assignee(), 1, Integer::sum);
            }
        }
        return load;
    }
}
