package dev.holdfast.client.sync;

import dev.holdfast.client.api.ApiException;
import dev.holdfast.client.api.PlatformApi;
import dev.holdfast.client.common.Observable;
import dev.holdfast.client.common.Problem;
import dev.holdfast.client.common.Scheduler;
import dev.holdfast.client.connection.ConnectionState;
import dev.holdfast.client.connection.PlatformConnection;
import dev.holdfast.client.journal.Journal;
import dev.holdfast.client.journal.JournalException;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.client.status.Updates;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.EventPage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the desk does with the platform's frames: every event goes into the journal before the
 * cursor moves; a gap is backfilled over HTTP; an expired token is refreshed silently; a new
 * epoch runs the recovery before anything is sent. Runs on the core thread; all fields are
 * owned by it except where noted.
 *
 * <p>Event frames are journaled in bursts: each one is kept until the frames already waiting on
 * the core thread have been read (or until any other frame, a state change or a hello), then all
 * of them are written in one transaction, so a replay of a thousand events costs one disk sync
 * instead of a thousand. The cursor only moves with that write, and every frame still gets its
 * own {@link SessionUpdate.EventsApplied}, in order, after it.
 */
public final class SyncEngine implements PlatformConnection.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);
    /** Most event frames journaled in one transaction. */
    static final int MAX_EVENTS_PER_WRITE = 500;

    private final Journal journal;
    private final TokenKeeper tokens;
    private final PlatformApi api;
    private final RecoveryService recovery;
    private final SendQueue sendQueue;
    private final Executor io;
    private final Scheduler core;
    private final Updates updates;
    private final Clock clock;
    private final Observable<SessionStatus> status;

    private PlatformConnection connection;
    /** Conversations with a backfill running, so a burst of out-of-order events asks once. */
    private final Set<String> backfilling = new HashSet<>();
    /** Conversations being fetched again from the start after a renumbering. */
    private final Set<String> refetching = new HashSet<>();
    private boolean recovering;
    private boolean retryAfterStorageFailure;
    private static final java.time.Duration STORAGE_RETRY = java.time.Duration.ofSeconds(10);
    /** Events of frames read but not journaled yet, in arrival order. */
    private final List<ConversationEvent> received = new ArrayList<>();
    /** Whether a {@link #flushQueued} task waits on the core thread. */
    private boolean flushQueued;

    public SyncEngine(Journal journal, TokenKeeper tokens, PlatformApi api, RecoveryService recovery,
                      SendQueue sendQueue, Executor io, Scheduler core, Updates updates, Clock clock,
                      Observable<SessionStatus> status) {
        this.journal = journal;
        this.tokens = tokens;
        this.api = api;
        this.recovery = recovery;
        this.sendQueue = sendQueue;
        this.io = io;
        this.core = core;
        this.updates = updates;
        this.clock = clock;
        this.status = status;
    }

    public void attach(PlatformConnection connection) {
        this.connection = connection;
    }

    @Override
    public ClientFrame.Hello hello() {
        flushReceived(); // the cursors must include every event read so far
        return new ClientFrame.Hello(Limits.PROTOCOL_VERSION, tokens.accessToken(), journal.deviceId(),
                journal.epoch().orElse(null), journal.sessionId().orElse(null),
                openCursors());
    }

    /** Cursors of what may still change: closed conversations need no replay, and would only grow the hello. */
    private Map<String, Long> openCursors() {
        Map<String, Long> cursors = new HashMap<>(journal.cursors());
        for (ConversationSummary c : journal.conversations()) {
            if (c.status() == ConversationStatus.CLOSED) {
                cursors.remove(c.id());
            }
        }
        return cursors;
    }

    @Override
    public void onWelcome(ServerFrame.Welcome welcome) {
        flushReceived();
        if (journal.epoch().isEmpty()) {
            journal.saveEpoch(welcome.epoch());
        }
        journal.saveSessionId(welcome.sessionId());
        journal.log(clock.millis(), "connection", welcome.resumed() ? "reconnected; session resumed"
                : "connected; new session");
    }

    @Override
    public void onFrame(ServerFrame frame) {
        try {
            handle(frame);
        } catch (JournalException e) {
            storageFailed(e);
        }
    }

    /**
     * The journal could not take a frame (a full disk, a read-only directory). Nothing already
     * journaled is lost and the cursor did not move; the user is told, and a reconnect later
     * replays from the cursor what could not be saved.
     */
    private void storageFailed(JournalException e) {
        LOG.warn("journal write failed: {}", e.getMessage());
        updates.publish(new SessionUpdate.ProblemRaised(new Problem(
                e.kind() == JournalException.Kind.STORAGE_UNAVAILABLE ? Problem.Kind.NEEDS_USER : Problem.Kind.FATAL,
                "Holdfast cannot save to this computer's disk. What you see is kept; new messages will appear "
                        + "once there is space again.", e.getMessage())));
        if (!retryAfterStorageFailure) {
            retryAfterStorageFailure = true;
            core.schedule(STORAGE_RETRY, () -> {
                retryAfterStorageFailure = false;
                connection.reconnectNow();
            });
        }
    }

    private void handle(ServerFrame frame) {
        if (frame instanceof ServerFrame.Event e) {
            receive(e.event());
            return;
        }
        // Whatever else the platform says follows the events before it.
        flushReceived();
        if (frame instanceof ServerFrame.Conversation c) {
            journal.upsertConversation(c.conversation());
            updates.publish(new SessionUpdate.ConversationChanged(c.conversation()));
            if (!c.recent().isEmpty()) {
                apply(c.conversation().id(), c.recent());
            }
        } else if (frame instanceof ServerFrame.Ack a) {
            sendQueue.acknowledged(a);
            if (a.event() != null) {
                updates.publish(new SessionUpdate.EventsApplied(a.conversationId(), List.of(a.event())));
            }
        } else if (frame instanceof ServerFrame.Error err) {
            if (!sendQueue.refused(err)) {
                LOG.info("platform says {}: {}", err.code(), err.message());
                if (err.code() == ErrorCode.SESSION_UNKNOWN || err.code() == ErrorCode.CURSOR_TOO_OLD) {
                    journal.log(clock.millis(), "sync", err.code() == ErrorCode.SESSION_UNKNOWN
                            ? "the platform restarted; catching up from the journal's cursors"
                            : "history too far behind for " + err.conversationId() + "; took a snapshot");
                }
            }
        } else if (frame instanceof ServerFrame.TypingNotice t) {
            updates.publish(new SessionUpdate.TypingChanged(t.conversationId(), t.author(), t.active()));
        } else if (frame instanceof ServerFrame.Synced s) {
            setStatus(new SessionStatus.Live(s.epoch()));
            sendQueue.open();
        }
    }

    /** Keeps an event frame's event until the frames already queued behind it have been read. */
    private void receive(ConversationEvent event) {
        received.add(event);
        if (received.size() >= MAX_EVENTS_PER_WRITE) {
            flushReceived();
        } else if (!flushQueued) {
            flushQueued = true;
            core.execute(this::flushQueued);
        }
    }

    private void flushQueued() {
        flushQueued = false;
        flushReceived();
    }

    /**
     * Journals the events read so far in one transaction, then does for each frame, in order, what
     * a frame on its own gets: its update, and a backfill if it left a gap.
     */
    private void flushReceived() {
        if (received.isEmpty()) {
            return;
        }
        List<ConversationEvent> events = new ArrayList<>(received.size());
        for (ConversationEvent e : received) {
            if (refetching.contains(e.conversationId())
                    || journal.holdsAtAnotherSeq(e.conversationId(), List.of(e))) {
                // Renumbered by a restore this desk was not told about (protocol.md §11.7): fetch it again.
                refetch(e.conversationId());
            } else {
                events.add(e);
            }
        }
        received.clear();
        List<Journal.EventBatch> batches = new ArrayList<>(events.size());
        for (ConversationEvent e : events) {
            batches.add(new Journal.EventBatch(e.conversationId(), List.of(e)));
        }
        List<Journal.CursorMove> moves;
        try {
            moves = journal.applyEvents(batches);
        } catch (JournalException ex) {
            storageFailed(ex); // the cursors did not move: a reconnect replays these events
            return;
        }
        for (int i = 0; i < events.size(); i++) {
            ConversationEvent e = events.get(i);
            Journal.CursorMove move = moves.get(i);
            updates.publish(new SessionUpdate.EventsApplied(e.conversationId(), List.of(e)));
            followState(e.conversationId(), List.of(e));
            logIfClosed(e, move.before());
            if (e.seq() > move.after() && move.before() > 0) {
                backfill(e.conversationId(), move.after());
            }
        }
    }

    /**
     * Moves the journal's summary of a conversation on by its state events (close, transfer,
     * requeue, reopen): the platform tells a former assignee of them by the event alone, and a
     * summary left behind would put a closed conversation back on Mine at the next start.
     */
    private void followState(String conversationId, List<ConversationEvent> events) {
        if (events.stream().noneMatch(e -> e.kind().changesState())) {
            return;
        }
        try {
            journal.conversation(conversationId).ifPresent(held -> {
                ConversationSummary now = held;
                for (ConversationEvent e : events) {
                    now = SummaryAfterEvent.apply(now, e);
                }
                if (now != held) {
                    journal.upsertConversation(now);
                    updates.publish(new SessionUpdate.ConversationChanged(now));
                }
            });
        } catch (JournalException ex) {
            storageFailed(ex);
        }
    }

    private void logIfClosed(ConversationEvent e, long cursorBefore) {
        if (e.kind() == EventKind.CLOSED && e.seq() > cursorBefore) {
            journal.log(clock.millis(), "conversation", "conversation with " + conversationLabel(e.conversationId())
                    + " closed by " + e.author().name() + ": " + e.reason());
        }
    }

    private void apply(String conversationId, List<ConversationEvent> events) {
        if (journal.holdsAtAnotherSeq(conversationId, events)) {
            // A restore renumbered the platform's tail while this desk was not told (protocol.md §11.7):
            // events held at their old seq would leave holes under the cursor. Fetch the log again.
            refetch(conversationId);
            return;
        }
        long before = journal.cursor(conversationId);
        long cursor = journal.applyEvents(conversationId, events);
        updates.publish(new SessionUpdate.EventsApplied(conversationId, events));
        followState(conversationId, events);
        events.forEach(e -> logIfClosed(e, before));
        long highest = events.stream().mapToLong(ConversationEvent::seq).max().orElse(cursor);
        if (highest > cursor && before > 0) {
            backfill(conversationId, cursor);
        }
    }

    private String conversationLabel(String conversationId) {
        return journal.conversation(conversationId).map(c -> c.customer().name()).orElse(conversationId);
    }

    /** Fetches what lies between the cursor and what arrived; HTTP off the core thread. */
    private void backfill(String conversationId, long fromCursor) {
        if (!backfilling.add(conversationId)) {
            return;
        }
        String token = tokens.accessToken();
        io.execute(() -> {
            try {
                long after = fromCursor;
                while (true) {
                    EventPage page = api.eventsAfter(token, conversationId, after, Limits.MAX_PAGE_EVENTS);
                    if (page.events().isEmpty()) {
                        break;
                    }
                    List<ConversationEvent> events = page.events();
                    after = events.get(events.size() - 1).seq();
                    core.execute(() -> {
                        if (journal.holdsAtAnotherSeq(conversationId, events)) {
                            refetch(conversationId); // renumbered meanwhile: see apply()
                            return;
                        }
                        journal.applyEvents(conversationId, events);
                        updates.publish(new SessionUpdate.EventsApplied(conversationId, events));
                        followState(conversationId, events);
                    });
                    if (!page.hasMore()) {
                        break;
                    }
                }
            } catch (ApiException e) {
                LOG.info("backfill of {} failed ({}); the next reconnect catches up", conversationId, e.getMessage());
            } finally {
                core.execute(() -> backfilling.remove(conversationId));
            }
        });
    }

    /**
     * Fetches the whole log of a renumbered conversation and replaces the copy with it; HTTP off
     * the core thread. If it fails, the cursor has not moved, so the next replay finds the
     * renumbering again and this runs again.
     */
    private void refetch(String conversationId) {
        if (!refetching.add(conversationId)) {
            return;
        }
        journal.log(clock.millis(), "sync", "the platform renumbered conversation " + conversationId
                + " after a restore; fetching it again");
        String token = tokens.accessToken();
        io.execute(() -> {
            try {
                List<ConversationEvent> log = new ArrayList<>();
                long after = 0;
                while (true) {
                    EventPage page = api.eventsAfter(token, conversationId, after, Limits.MAX_PAGE_EVENTS);
                    log.addAll(page.events());
                    if (page.events().isEmpty() || !page.hasMore()) {
                        break;
                    }
                    after = page.events().get(page.events().size() - 1).seq();
                }
                core.execute(() -> {
                    journal.replaceHistory(conversationId, log);
                    updates.publish(new SessionUpdate.EventsApplied(conversationId, log));
                });
            } catch (ApiException e) {
                LOG.info("refetch of {} failed ({}); the next reconnect tries again", conversationId, e.getMessage());
            } finally {
                core.execute(() -> refetching.remove(conversationId));
            }
        });
    }

    @Override
    public PlatformConnection.Decision onRejected(ServerFrame.Error error, int closeCode) {
        flushReceived(); // a recovery uploads what the journal holds
        sendQueue.hold();
        switch (error.code()) {
            case TOKEN_EXPIRED, UNAUTHENTICATED -> {
                refreshThenResume();
                return PlatformConnection.Decision.PAUSE;
            }
            case EPOCH_CHANGED -> {
                startRecovery(journal.epoch().orElse(null), error.epoch());
                return PlatformConnection.Decision.PAUSE;
            }
            case UNSUPPORTED_VERSION -> {
                setStatus(new SessionStatus.Failed(new Problem(Problem.Kind.FATAL,
                        "This version of Holdfast is too old for the platform; please update it.",
                        error.message())));
                return PlatformConnection.Decision.STOP;
            }
            default -> {
                return PlatformConnection.Decision.RECONNECT_WITH_BACKOFF;
            }
        }
    }

    private void refreshThenResume() {
        if (!tokens.hasRefreshToken()) {
            needsPassword("Your session ended. Please sign in again.");
            return;
        }
        io.execute(() -> {
            try {
                tokens.refresh();
                core.execute(() -> {
                    journal.log(clock.millis(), "auth", "access token refreshed");
                    connection.resume();
                });
            } catch (ApiException e) {
                if (e.unreachable() || e.code() == ErrorCode.INTERNAL || e.code() == ErrorCode.RATE_LIMITED) {
                    // The platform is away; reconnecting will try the refresh again.
                    core.execute(connection::resume);
                } else {
                    core.execute(() -> needsPassword("Your session ended. Please sign in again."));
                }
            } catch (RuntimeException e) {
                core.execute(() -> needsPassword("Your session ended. Please sign in again."));
            }
        });
    }

    private void startRecovery(String oldEpoch, String newEpoch) {
        if (recovering) {
            return;
        }
        recovering = true;
        setStatus(new SessionStatus.Recovering(0, 0));
        recovery.recover(oldEpoch, newEpoch, () -> {
            recovering = false;
            connection.resume();
        }, e -> {
            recovering = false;
            if (e instanceof ApiException api && api.code() == ErrorCode.UNAUTHENTICATED) {
                needsPassword("Your session ended while the platform restarted. Please sign in again.");
            } else {
                // Reconnecting brings EPOCH_CHANGED again, and with it another attempt.
                connection.resume();
            }
        });
    }

    /** Follows recovery progress into the status line. */
    public void onRecoveryUpdate(SessionUpdate update) {
        if (update instanceof SessionUpdate.RecoveryStarted s) {
            setStatus(new SessionStatus.Recovering(0, s.total()));
        } else if (update instanceof SessionUpdate.RecoveryProgress p) {
            setStatus(new SessionStatus.Recovering(p.done(), p.total()));
        }
    }

    private void needsPassword(String reason) {
        journal.log(clock.millis(), "auth", "signed out softly: " + reason);
        setStatus(new SessionStatus.NeedsPassword(reason));
    }

    @Override
    public void onState(ConnectionState state) {
        flushReceived();
        if (!(state instanceof ConnectionState.Live)) {
            sendQueue.hold();
        }
        if (state instanceof ConnectionState.Reconnecting r && status.get() instanceof SessionStatus.Live) {
            journal.log(clock.millis(), "connection", "connection lost (" + r.reason() + "); reconnecting");
        }
        if (status.get() instanceof SessionStatus.NeedsPassword || status.get() instanceof SessionStatus.Failed
                || recovering) {
            return;
        }
        if (state instanceof ConnectionState.Connecting) {
            setStatus(new SessionStatus.Connecting());
        } else if (state instanceof ConnectionState.Reconnecting r) {
            // A blip is "reconnecting"; a platform gone for several attempts, or unsent work, is "offline".
            int unsent = journal.pending().size();
            setStatus(r.attempt() >= 3 || unsent > 0 ? new SessionStatus.Offline(r.nextAttemptAt(), unsent)
                    : new SessionStatus.Reconnecting(r.nextAttemptAt(), r.attempt()));
        } else if (state instanceof ConnectionState.Stopped || state instanceof ConnectionState.Idle) {
            setStatus(new SessionStatus.SignedOut());
        }
    }

    private void setStatus(SessionStatus next) {
        if (!next.equals(status.get())) {
            status.set(next);
            updates.publish(new SessionUpdate.StatusChanged(next));
        }
    }
}
