package dev.holdfast.platform.live;

import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.EventKind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's timers, run by {@link #tick()} once a second (by a scheduler in production,
 * by hand with a fake clock in tests): restart conversations whose restore never came, forget
 * sessions past their TTL, give the conversations of agents gone for good back to the queue,
 * and disconnect agents whose access token expired.
 */
public final class Maintenance {
    private static final Logger LOG = LoggerFactory.getLogger(Maintenance.class);

    private final LiveStore store;
    private final AgentActions agents;

    public Maintenance(LiveStore store, AgentActions agents) {
        this.store = store;
        this.agents = agents;
    }

    public void tick() {
        store.locked(() -> {
            long now = store.now();
            restartUnrestored(now);
            forgetSessions(now);
            requeueFromOfflineAgents(now);
            agents.drainQueue();
        });
        store.kickExpiredTokens(false);
    }

    private void restartUnrestored(long now) {
        long grace = store.policies().restoreGraceSeconds() * 1000L;
        for (Conversation c : List.copyOf(store.conversations().values())) {
            ConversationMeta meta = c.meta();
            if (c.status() != ConversationStatus.AWAITING_RESTORE || now - meta.awaitingSince() < grace) {
                continue;
            }
            // Nobody restored it: start a new log from what the customer said since, and route it.
            List<ConversationEvent> log = new ArrayList<>();
            Conversation probe = new Conversation(c.id(), new ConversationMeta(meta.customer(), 0, false, 0));
            ConversationEvent opened = store.draft(probe, EventKind.OPENED, CustomerActions.customerAuthor(c.customer()),
                    null, null, null, null, null, c.customer());
            log.add(opened);
            probe.putAll(List.of(opened));
            for (PendingMessage p : c.pending()) {
                ConversationEvent d = store.draft(probe, EventKind.MESSAGE,
                        new Author(AuthorKind.CUSTOMER, p.customerId(), c.customer().name()), p.text(),
                        p.clientMessageId(), p.customerId(), null, null, null);
                ConversationEvent m = store.signer().sign(new ConversationEvent(d.id(), d.conversationId(), d.seq(),
                        d.kind(), p.at(), d.author(), d.text(), d.clientMessageId(), d.deviceId(), null, null, null,
                        null));
                log.add(m);
                probe.putAll(List.of(m));
            }
            store.replace(c, log, new ConversationMeta(meta.customer(), 1, false, 0));
            store.announceRebuilt(c, 1);
            LOG.info("conversation {} was not restored within {} s; restarted with {} held messages", c.id(),
                    store.policies().restoreGraceSeconds(), log.size() - 1);
        }
    }

    private void forgetSessions(long now) {
        long ttl = store.policies().sessionTtlSeconds() * 1000L;
        Iterator<Map.Entry<String, Session>> it = store.connections().sessions().entrySet().iterator();
        while (it.hasNext()) {
            Session s = it.next().getValue();
            if (s.connections == 0 && s.disconnectedAt > 0 && now - s.disconnectedAt >= ttl) {
                it.remove();
            }
        }
    }

    private void requeueFromOfflineAgents(long now) {
        long limit = store.policies().offlineRequeueSeconds() * 1000L;
        Connections connections = store.connections();
        for (Conversation c : List.copyOf(store.conversations().values())) {
            if (c.status() != ConversationStatus.ASSIGNED || connections.isConnected(c.assignee())) {
                continue;
            }
            AgentPresence p = connections.presence().get(c.assignee());
            // An agent not seen since the live state began counts as offline from then.
            long since = p == null || p.offlineSince == 0 ? store.liveSince() : p.offlineSince;
            if (now - since >= limit) {
                store.append(c, EventKind.QUEUED, Author.system(), null, null, null, null,
                        "agent offline for more than " + store.policies().offlineRequeueSeconds() + " s", null);
            }
        }
    }
}
