package dev.holdfast.platform.live;

import dev.holdfast.platform.auth.AccessClaims;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.http.RestoreRequest;
import dev.holdfast.protocol.http.RestoreResponse;
import dev.holdfast.protocol.http.RestoreResponse.Outcome;
import dev.holdfast.protocol.http.RestoreResponse.Rejected;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings conversations back after the platform lost its live state, from the copies agents
 * hold. Only events carrying a valid receipt are taken; they keep their seqs and ids. What the
 * platform produced after the loss (the restored marker, customers' held messages, anything
 * since) forms the conversation's tail and is renumbered after the restored history when a
 * later upload reaches into it, so no copy wins by arriving first and nothing is dropped.
 */
public final class RestoreService {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreService.class);

    private final LiveStore store;
    private final AgentActions agents;

    public RestoreService(LiveStore store, AgentActions agents) {
        this.store = store;
        this.agents = agents;
    }

    public RestoreResponse restore(AccessClaims claims, RestoreRequest request) {
        return store.locked(() -> {
            List<RestoreResponse.Result> results = new ArrayList<>();
            for (RestoreRequest.Item item : request.conversations()) {
                results.add(restoreOne(claims, item));
            }
            agents.drainQueue();
            return new RestoreResponse(store.currentEpoch(), results);
        });
    }

    private RestoreResponse.Result restoreOne(AccessClaims claims, RestoreRequest.Item item) {
        String id = item.conversationId();
        List<Rejected> rejected = new ArrayList<>();
        List<ConversationEvent> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConversationEvent e : item.events()) {
            if (!e.conversationId().equals(id)) {
                rejected.add(new Rejected(e.id(), e.seq(), "event belongs to another conversation"));
            } else if (!store.signer().verify(e)) {
                rejected.add(new Rejected(e.id(), e.seq(), "invalid receipt"));
            } else if (seen.add(e.id())) {
                valid.add(e);
            }
        }
        Conversation existing = store.conversations().get(id);
        if (valid.isEmpty()) {
            return new RestoreResponse.Result(id, Outcome.REJECTED, 0, rejected,
                    existing == null ? null : existing.summary());
        }
        boolean created = existing == null;
        Conversation c = created ? new Conversation(id, new ConversationMeta(null, 0, false, 0)) : existing;
        if (!claims.role().oversees() && !c.wasEverAssignedTo(claims.userId()) && valid.stream().noneMatch(
                e -> claims.userId().equals(e.assignee()) && e.kind().changesState())) {
            valid.forEach(e -> rejected.add(new Rejected(e.id(), e.seq(), "not your conversation")));
            return new RestoreResponse.Result(id, Outcome.REJECTED, 0, rejected, created ? null : c.summary());
        }

        ConversationMeta meta = c.meta();
        long tailFrom = meta.tailFrom();
        List<ConversationEvent> fresh = new ArrayList<>();
        int accepted = 0;
        for (ConversationEvent e : valid) {
            if (c.event(e.id()).isPresent()) {
                accepted++;
                continue;
            }
            ConversationEvent taken = c.eventAt(e.seq());
            if (taken != null && (tailFrom == 0 || e.seq() < tailFrom)) {
                rejected.add(new Rejected(e.id(), e.seq(), "sequence taken by another event"));
                continue;
            }
            fresh.add(e);
            accepted++;
        }
        boolean lostHistory = created || c.status() == ConversationStatus.AWAITING_RESTORE || tailFrom > 0;
        boolean needMarker = lostHistory && !meta.restoredMarked();
        if (fresh.isEmpty() && !needMarker) {
            return new RestoreResponse.Result(id, Outcome.UNCHANGED, accepted, rejected, c.summary());
        }

        boolean rebase = tailFrom > 0 && (needMarker || fresh.stream().anyMatch(e -> e.seq() >= tailFrom));
        TreeMap<Long, ConversationEvent> merged = new TreeMap<>();
        List<ConversationEvent> tail = new ArrayList<>();
        for (ConversationEvent e : c.events()) {
            if (rebase && e.seq() >= tailFrom) {
                tail.add(e);
            } else {
                merged.put(e.seq(), e);
            }
        }
        fresh.forEach(e -> merged.put(e.seq(), e));
        long lowestChanged = fresh.stream().mapToLong(ConversationEvent::seq).min().orElse(Long.MAX_VALUE);
        if (rebase) {
            lowestChanged = Math.min(lowestChanged, tailFrom);
            if (merged.values().stream().anyMatch(e -> e.kind() == EventKind.OPENED)) {
                // The tail's opened event was made up when the conversation restarted; the real one is back.
                tail.removeIf(e -> e.kind() == EventKind.OPENED);
            }
        }

        Conversation probe = new Conversation(id, new ConversationMeta(meta.customer(), 0, false, 0));
        probe.putAll(merged.values());
        List<ConversationEvent> newTail = new ArrayList<>();
        if (needMarker) {
            newTail.add(store.draft(probe, EventKind.RESTORED, Author.system(), null, null, null, probe.assignee(),
                    "restored after a platform restart", null));
            probe.putAll(List.of(newTail.get(0)));
        }
        for (ConversationEvent e : tail) {
            ConversationEvent moved = store.signer().sign(new ConversationEvent(e.id(), id, probe.lastSeq() + 1,
                    e.kind(), e.at(), e.author(), e.text(), e.clientMessageId(), e.deviceId(), e.assignee(),
                    e.reason(), e.customer(), null));
            newTail.add(moved);
            probe.putAll(List.of(moved));
        }
        for (PendingMessage p : c.pending()) {
            ConversationEvent m = store.draft(probe, EventKind.MESSAGE, CustomerActions.customerAuthor(probe.customer()),
                    p.text(), p.clientMessageId(), p.customerId(), null, null, null);
            m = store.signer().sign(new ConversationEvent(m.id(), id, m.seq(), m.kind(), p.at(), m.author(), m.text(),
                    m.clientMessageId(), m.deviceId(), null, null, null, null));
            newTail.add(m);
            probe.putAll(List.of(m));
        }
        newTail.forEach(e -> merged.put(e.seq(), e));
        long newTailFrom = newTail.isEmpty() ? tailFrom : newTail.get(0).seq();
        if (!newTail.isEmpty()) {
            lowestChanged = Math.min(lowestChanged, newTail.get(0).seq());
        }
        ConversationMeta newMeta = new ConversationMeta(meta.customer(), newTailFrom,
                meta.restoredMarked() || needMarker, 0);
        if (created) {
            store.conversations().put(id, c);
        }
        try {
            store.replace(c, List.copyOf(merged.values()), newMeta);
        } catch (RuntimeException e) {
            if (created) {
                store.conversations().remove(id);
            }
            throw e;
        }
        store.announceRebuilt(c, lowestChanged == Long.MAX_VALUE ? c.firstSeq() : lowestChanged);
        LOG.info("conversation {} restored by {}: {} events new, {} rejected, now {} held by {}", id,
                claims.userId(), fresh.size(), rejected.size(), c.status(), c.assignee());
        return new RestoreResponse.Result(id, created ? Outcome.RESTORED : Outcome.MERGED, accepted, rejected,
                c.summary());
    }
}
