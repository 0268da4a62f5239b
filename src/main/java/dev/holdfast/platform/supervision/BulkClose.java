package dev.holdfast.platform.supervision;

import dev.holdfast.platform.live.Conversation;
import dev.holdfast.platform.live.Oversight;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.supervision.BulkCloseRequest;
import dev.holdfast.protocol.supervision.BulkCloseResult;
import dev.holdfast.protocol.supervision.CloseCandidate;
import dev.holdfast.protocol.supervision.ClosePreview;
import dev.holdfast.protocol.supervision.ClosePreviewRequest;
import dev.holdfast.protocol.supervision.SkipReason;
import dev.holdfast.protocol.supervision.Skipped;
import dev.holdfast.protocol.supervision.Staleness;
import dev.holdfast.protocol.supervision.Target;
import dev.holdfast.protocol.supervision.UndoResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The guarded bulk close: a dry run, then the close of what the supervisor confirmed, each
 * conversation re-checked at that instant (still open, the version they saw, not under active
 * handling), then an undo within five minutes that reopens each to the agent it was closed from.
 */
public final class BulkClose {
    static final long UNDO_MILLIS = 5 * 60 * 1000L;
    /** How long a batch is remembered after its undo window, so that a late undo hears "too late". */
    static final long REMEMBER_MILLIS = 24 * 60 * 60 * 1000L;

    private final Oversight live;
    private final Judgement judgement;
    /**
     * Closes that can still be undone, by batch id. Guarded by the live store's lock. In memory:
     * a restart forgets them (their undo answers NOT_FOUND), while the audit log keeps the closes.
     */
    private final Map<String, Batch> batches = new HashMap<>();

    private record Closed(String id, long version, String fromAgent) {
    }

    private record Batch(long undoUntil, List<Closed> closed) {
    }

    public BulkClose(Oversight live, Judgement judgement) {
        this.live = live;
        this.judgement = judgement;
    }

    public ClosePreview preview(ClosePreviewRequest request) {
        return live.locked(() -> {
            List<CloseCandidate> candidates = new ArrayList<>();
            if (request.conversationIds().isEmpty()) {
                for (Conversation c : live.open()) {
                    Staleness s = judgement.of(c);
                    if (s.stale() && matches(c, request)) {
                        candidates.add(new CloseCandidate(c.summary(), s));
                    }
                }
            } else {
                for (String id : request.conversationIds()) {
                    Conversation c = live.find(id);
                    if (c != null && c.isOpen()) {
                        candidates.add(new CloseCandidate(c.summary(), judgement.of(c)));
                    }
                }
            }
            return new ClosePreview(live.now(), candidates);
        });
    }

    private boolean matches(Conversation c, ClosePreviewRequest request) {
        if (request.agent() != null && !request.agent().equals(c.assignee())) {
            return false;
        }
        if (request.team() == null) {
            return true;
        }
        return c.assignee() != null && live.account(c.assignee())
                .map(a -> a.teams().contains(request.team())).orElse(false);
    }

    public BulkCloseResult close(String actor, BulkCloseRequest request) {
        String batchId = "b-" + UUID.randomUUID();
        Author author = live.locked(() -> live.author(actor));
        List<String> closed = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Closed> undoable = new ArrayList<>();
        // One conversation per lock hold: each check and its close are atomic, and a large batch
        // does not stall every agent's frames while it runs.
        for (Target target : request.conversations()) {
            live.locked(() -> {
                Conversation c = live.find(target.id());
                SkipReason skip = check(c, target.version());
                if (skip != null) {
                    skipped.add(new Skipped(target.id(), skip));
                    return null;
                }
                if (request.farewell() != null && !request.farewell().isBlank()) {
                    live.say(c, author, request.farewell());
                }
                String from = live.close(c, author, actor, request.reason(), batchId);
                closed.add(c.id());
                undoable.add(new Closed(c.id(), c.version(), from));
                return null;
            });
        }
        return live.locked(() -> {
            long now = live.now();
            batches.values().removeIf(b -> now - b.undoUntil() > REMEMBER_MILLIS);
            long undoUntil = now + UNDO_MILLIS;
            batches.put(batchId, new Batch(undoUntil, List.copyOf(undoable)));
            return new BulkCloseResult(batchId, undoUntil, closed, skipped);
        });
    }

    private SkipReason check(Conversation c, long version) {
        if (c == null) {
            return SkipReason.NOT_FOUND;
        }
        if (!c.isOpen()) {
            return SkipReason.NOT_OPEN;
        }
        if (c.version() != version) {
            return SkipReason.CHANGED;
        }
        if (!judgement.of(c).handling().isEmpty()) {
            return SkipReason.ACTIVE_HANDLING;
        }
        return null;
    }

    public UndoResult undo(String actor, String batchId) {
        return live.locked(() -> {
            Batch batch = batches.get(batchId);
            long now = live.now();
            if (batch == null) {
                throw new ProtocolException(ErrorCode.NOT_FOUND, "no bulk close " + batchId
                        + " (unknown, older than a day, or from before the platform restarted)");
            }
            if (now > batch.undoUntil()) {
                throw new ProtocolException(ErrorCode.CONFLICT, "too late to undo: a bulk close can be undone for"
                        + " five minutes, until " + Instant.ofEpochMilli(batch.undoUntil())
                        + "; reopen conversations one by one instead");
            }
            Author author = live.author(actor);
            List<String> reopened = new ArrayList<>();
            List<Skipped> skipped = new ArrayList<>();
            for (Closed closed : batch.closed()) {
                Conversation c = live.find(closed.id());
                if (c == null) {
                    skipped.add(new Skipped(closed.id(), SkipReason.NOT_FOUND));
                } else if (c.status() != ConversationStatus.CLOSED) {
                    skipped.add(new Skipped(closed.id(), SkipReason.NOT_OPEN));
                } else if (c.version() != closed.version()) {
                    skipped.add(new Skipped(closed.id(), SkipReason.CHANGED));
                } else {
                    live.reopen(c, author, actor, closed.fromAgent(), "undo of bulk close " + batchId, batchId);
                    reopened.add(c.id());
                }
            }
            return new UndoResult(batchId, reopened, skipped);
        });
    }
}
