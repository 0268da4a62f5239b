package dev.holdfast.platform.supervision;

import dev.holdfast.platform.auth.Account;
import dev.holdfast.platform.live.Conversation;
import dev.holdfast.platform.live.Oversight;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.Presence;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.supervision.BulkReassignRequest;
import dev.holdfast.protocol.supervision.BulkReassignResult;
import dev.holdfast.protocol.supervision.Moved;
import dev.holdfast.protocol.supervision.SkipReason;
import dev.holdfast.protocol.supervision.Skipped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves the open conversations of one agent (typically gone offline) to available agents with
 * room, the least loaded first, leaving alone any under active handling. One lock hold for the
 * whole move, so that the loads it balances on stay true while it runs.
 */
public final class BulkReassign {
    private final Oversight live;
    private final Judgement judgement;

    public BulkReassign(Oversight live, Judgement judgement) {
        this.live = live;
        this.judgement = judgement;
    }

    public BulkReassignResult reassign(String actor, BulkReassignRequest request) {
        return live.locked(() -> {
            if (live.account(request.fromAgent()).isEmpty()) {
                throw new ProtocolException(ErrorCode.NOT_FOUND, "no agent " + request.fromAgent());
            }
            for (String to : request.toAgents()) {
                if (live.account(to).isEmpty()) {
                    throw new ProtocolException(ErrorCode.NOT_FOUND, "no agent " + to);
                }
            }
            String batchId = "r-" + UUID.randomUUID();
            Author author = live.author(actor);
            Map<String, Integer> load = live.openLoad();
            List<Moved> moved = new ArrayList<>();
            List<Skipped> skipped = new ArrayList<>();
            for (Conversation c : live.open()) {
                if (c.status() != ConversationStatus.ASSIGNED || !request.fromAgent().equals(c.assignee())) {
                    continue;
                }
                if (!judgement.of(c).handling().isEmpty()) {
                    skipped.add(new Skipped(c.id(), SkipReason.ACTIVE_HANDLING));
                    continue;
                }
                Optional<Account> to = pick(request, load);
                if (to.isEmpty()) {
                    skipped.add(new Skipped(c.id(), SkipReason.NO_AGENT_AVAILABLE));
                    continue;
                }
                live.reassign(c, author, actor, to.get().id(), request.reason(), batchId);
                load.merge(to.get().id(), 1, Integer::sum);
                load.merge(request.fromAgent(), -1, Integer::sum);
                moved.add(new Moved(c.id(), to.get().id()));
            }
            return new BulkReassignResult(moved, skipped);
        });
    }

    private Optional<Account> pick(BulkReassignRequest request, Map<String, Integer> load) {
        return live.accounts().stream()
                .filter(a -> a.role() == Role.AGENT)
                .filter(a -> !a.id().equals(request.fromAgent()))
                .filter(a -> request.toAgents().isEmpty() || request.toAgents().contains(a.id()))
                .filter(a -> live.effectivePresence(a.id()) == Presence.AVAILABLE)
                .filter(a -> load.getOrDefault(a.id(), 0) < a.capacity())
                .min(Comparator.<Account>comparingInt(a -> load.getOrDefault(a.id(), 0)).thenComparing(Account::id));
    }
}
