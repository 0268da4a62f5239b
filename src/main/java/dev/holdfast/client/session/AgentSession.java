package dev.holdfast.client.session;

import dev.holdfast.client.api.ApiException;
import dev.holdfast.client.api.PlatformApi;
import dev.holdfast.client.api.Scope;
import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.common.ExecutorScheduler;
import dev.holdfast.client.common.Observable;
import dev.holdfast.client.common.Problem;
import dev.holdfast.client.common.Scheduler;
import dev.holdfast.client.connection.JavaWebSocketTransport;
import dev.holdfast.client.connection.PlatformConnection;
import dev.holdfast.client.connection.Transport;
import dev.holdfast.client.journal.Journal;
import dev.holdfast.client.journal.JournalLocation;
import dev.holdfast.client.journal.JournalRecovery;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.client.journal.sqlite.SqliteJournal;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.client.supervision.BoardFeed;
import dev.holdfast.client.supervision.SupervisorDesk;
import dev.holdfast.client.sync.OutboxReport;
import dev.holdfast.client.sync.RecoveryService;
import dev.holdfast.client.sync.SendQueue;
import dev.holdfast.client.sync.SyncEngine;
import dev.holdfast.client.sync.TokenKeeper;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.Presence;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.http.AgentInfo;
import dev.holdfast.protocol.http.TokenResponse;
import dev.holdfast.protocol.http.UserInfo;
import dev.holdfast.protocol.http.VersionedAction;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one door the UI (and the headless agent) uses: sign in and out, switch user, send,
 * type, take, transfer, close, and the supervisor operations. State comes out as an
 * observable status and typed updates, delivered on the core thread; failures come back as
 * failed futures carrying an {@code ApiException} or {@code JournalException} with plain
 * words, never as exceptions thrown across threads.
 *
 * <p>Threading: the core scheduler's single thread owns every field marked "core"; HTTP runs on
 * the IO pool; the journal is thread-safe, so reads from the UI thread are allowed.
 */
public final class AgentSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);
    /** Set by the first {@link #close()}; any thread. */
    private final AtomicBoolean closing = new AtomicBoolean();

    private final URI server;
    private final Path dataDir;
    private final Clock clock;
    private final Scheduler core;
    private final Transport transport;
    private final PlatformApi api;
    private final ExecutorService io;
    private final boolean ownsExecutors;
    private final Observable<SessionStatus> status = new Observable<>(new SessionStatus.SignedOut());
    private final List<Consumer<SessionUpdate>> listeners = new CopyOnWriteArrayList<>();

    // Written on the core thread; volatile because the IO pool and the UI thread read them.
    private volatile String user;
    private volatile Journal journal;
    private volatile TokenKeeper tokens;
    private volatile SendQueue sendQueue;
    private volatile PlatformConnection connection;
    /** Who signed in, as the platform described them at the last sign-in; null before. */
    private volatile UserInfo signedInAs;
    // Core thread only.
    private OutboxReport outboxReport;
    private Cancellable reportingOutbox;

    public AgentSession(URI server, Path dataDir, Clock clock) {
        this(server, dataDir, clock, new JavaWebSocketTransport());
    }

    /** With its own core thread and IO pool, over the given WebSocket transport. */
    public AgentSession(URI server, Path dataDir, Clock clock, Transport transport) {
        this(server, dataDir, clock, new ExecutorScheduler(), transport,
                new PlatformApi(server), Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "holdfast-io");
                    t.setDaemon(true);
                    return t;
                }), true);
    }

    public AgentSession(URI server, Path dataDir, Clock clock, Scheduler core, Transport transport, PlatformApi api,
                        ExecutorService io, boolean ownsExecutors) {
        this.server = server;
        this.dataDir = dataDir;
        this.clock = clock;
        this.core = core;
        this.transport = transport;
        this.api = api;
        this.io = io;
        this.ownsExecutors = ownsExecutors;
    }

    public Observable<SessionStatus> status() {
        return status;
    }

    /** Listeners run on the core thread, in order; keep them short (the UI hops to its own thread). */
    public Cancellable subscribe(Consumer<SessionUpdate> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void publish(SessionUpdate update) {
        for (Consumer<SessionUpdate> l : listeners) {
            try {
                l.accept(update);
            } catch (RuntimeException e) {
                LOG.warn("a session listener failed", e);
            }
        }
    }

    // ---- signing in and out ---------------------------------------------------------------

    /**
     * Signs in (or back in after a soft sign-out). Opens this user's journal, keeps its device
     * id, then connects; unsent messages go out once the connection is live.
     */
    public CompletableFuture<UserInfo> signIn(String username, char[] password) {
        CompletableFuture<UserInfo> result = new CompletableFuture<>();
        io.execute(() -> {
            try {
                Journal j = journalFor(username);
                TokenResponse t;
                try {
                    t = api.login(username, password, j.deviceId());
                } finally {
                    Arrays.fill(password, '\0');
                }
                core.execute(() -> {
                    try {
                        start(j, t);
                        result.complete(t.user());
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /**
     * The journal of this user on this platform. Another user's journal is signed out of first, as
     * {@link #signOut} would (kept on disk, its refresh token forgotten, then closed), so that the
     * next user can neither read it through this session nor find the previous user's credential.
     */
    private synchronized Journal journalFor(String username) {
        Journal current = journal;
        if (current != null && username.equals(user)) {
            return current;
        }
        if (current != null) {
            stopOnCore().join();
            journal = null;
            retire(current);
        }
        SqliteJournal opened = SqliteJournal.open(JournalLocation.fileFor(dataDir, server, username), clock);
        journal = opened;
        user = username;
        opened.recovery().ifPresent(r -> core.execute(() -> publish(new SessionUpdate.ProblemRaised(damaged(r)))));
        return opened;
    }

    /** What the desk is told when its journal was found damaged, set aside and rebuilt. */
    static Problem damaged(JournalRecovery r) {
        String words = "Your local copy of the conversations was damaged. Holdfast set it aside and is rebuilding it"
                + " from the platform; " + r.carriedOverOutbox() + " unsent messages and " + r.carriedOverDrafts()
                + " drafts were saved" + (r.carriedOverOutbox() > 0 ? ", and the messages will be sent." : ".")
                + (r.deviceIdKept() ? "" : " Messages that were being sent when it broke may arrive twice.");
        String detail = "journal damaged (" + r.reason() + "); moved to " + r.movedTo() + "; carried over "
                + r.carriedOverOutbox() + " unsent messages, " + r.carriedOverDrafts() + " drafts, "
                + r.carriedOverConversations() + " conversations and " + r.carriedOverEvents() + " events"
                + (r.deviceIdKept() ? "" : "; the device id was lost and a new one made");
        return new Problem(Problem.Kind.TRANSIENT, words, detail);
    }

    private void start(Journal j, TokenResponse t) {
        signedInAs = t.user();
        if (tokens != null && connection != null) {
            // Back from a soft sign-out: same journal, same device, fresh tokens.
            tokens.adopt(t);
            status.set(new SessionStatus.Connecting());
            connection.resume();
            return;
        }
        tokens = new TokenKeeper(api, j);
        tokens.adopt(t);
        PlatformConnection[] holder = new PlatformConnection[1];
        OutboxReport report = new OutboxReport(j::pending, core, frame -> holder[0] != null && holder[0].send(frame));
        outboxReport = report;
        sendQueue = new SendQueue(j, core, clock, update -> {
            if (update instanceof SessionUpdate.DeliveryChanged) {
                report.changed();
            }
            publish(update);
        }, frame -> holder[0] != null && holder[0].send(frame));
        SyncEngine[] engineHolder = new SyncEngine[1];
        RecoveryService recovery = new RecoveryService(api, j, tokens, io, core, update -> {
            engineHolder[0].onRecoveryUpdate(update);
            publish(update);
        }, clock);
        SyncEngine engine = new SyncEngine(j, tokens, api, recovery, sendQueue, io, core, this::publish, clock,
                status);
        engineHolder[0] = engine;
        connection = new PlatformConnection(webSocketUri(server), transport, core, clock, new SecureRandom(), engine);
        holder[0] = connection;
        engine.attach(connection);
        // Live comes after each welcome and its catch-up: the platform's session then hears the outbox.
        reportingOutbox = status.subscribe(now -> {
            if (now instanceof SessionStatus.Live) {
                report.connected();
            } else {
                report.disconnected();
            }
        });
        j.log(clock.millis(), "auth", "signed in as " + user);
        connection.start();
    }

    static URI webSocketUri(URI server) {
        String base = server.toString().replaceFirst("/+$", "");
        return URI.create(base.replaceFirst("^http", "ws") + "/v1/ws");
    }

    /**
     * Signs out. By default the journal (conversations, drafts, unsent messages) stays on this
     * computer for the next sign-in; with {@code eraseLocalCopy} it is deleted.
     */
    public CompletableFuture<Void> signOut(boolean eraseLocalCopy) {
        return stopOnCore().thenRunAsync(() -> {
            Journal j;
            synchronized (this) {
                j = journal;
                journal = null;
            }
            if (j == null) {
                return;
            }
            retire(j);
            if (eraseLocalCopy) {
                erase(JournalLocation.fileFor(dataDir, server, user));
            }
            status.set(new SessionStatus.SignedOut());
            core.execute(() -> publish(new SessionUpdate.StatusChanged(new SessionStatus.SignedOut())));
        }, io);
    }

    /** Forgets the journal's refresh token, closes it, and revokes the token on the platform if it can. */
    private void retire(Journal j) {
        Optional<String> refresh = j.refreshToken();
        j.forgetRefreshToken();
        j.close();
        refresh.ifPresent(r -> {
            try {
                api.logout(r);
            } catch (RuntimeException e) {
                LOG.info("logout could not reach the platform; the refresh token expires on its own");
            }
        });
    }

    /**
     * Stops the connection and forgets it. Completes once the connection has actually stopped:
     * {@code stop()} only queues its work on the core thread, so a second core task, queued after
     * it, marks the end. Without that, {@link #close} shut the core down with the stop still queued
     * (dropped: the socket was never closed) or running (its last status came after close).
     */
    private CompletableFuture<Void> stopOnCore() {
        return onCore(() -> {
            if (connection != null) {
                connection.stop();
            }
            if (sendQueue != null) {
                sendQueue.hold();
            }
            if (reportingOutbox != null) {
                reportingOutbox.cancel();
                outboxReport.disconnected();
            }
            reportingOutbox = null;
            outboxReport = null;
            connection = null;
            sendQueue = null;
            tokens = null;
            return null;
        }).thenCompose(stopQueued -> onCore(() -> null));
    }

    private static void erase(Path journalFile) {
        for (String suffix : List.of("", "-wal", "-shm", ".lock")) {
            try {
                Files.deleteIfExists(journalFile.resolveSibling(journalFile.getFileName() + suffix));
            } catch (IOException e) {
                LOG.warn("could not erase {}: {}", journalFile, e.toString());
            }
        }
    }

    // ---- agent operations -----------------------------------------------------------------

    /** Journals the message (durable when the future completes), then sends it when it can. */
    public CompletableFuture<OutboxEntry> send(String conversationId, String text) {
        return onCore(() -> requireSendQueue().compose(conversationId, text));
    }

    public CompletableFuture<Void> retry(String clientMessageId) {
        return onCore(() -> {
            requireSendQueue().retry(clientMessageId);
            return null;
        });
    }

    public CompletableFuture<Void> discard(String clientMessageId) {
        return onCore(() -> {
            requireSendQueue().discard(clientMessageId);
            outboxReport.changed();
            return null;
        });
    }

    public void typing(String conversationId, boolean active) {
        core.execute(() -> {
            if (connection != null) {
                connection.send(new ClientFrame.Typing(conversationId, active));
            }
        });
    }

    public void setPresence(Presence presence) {
        core.execute(() -> {
            if (connection != null) {
                connection.send(new ClientFrame.SetPresence(presence));
            }
        });
    }

    public CompletableFuture<ConversationSummary> accept(String conversationId, long version) {
        return act(token -> api.accept(token, conversationId, new VersionedAction(version, null, null)));
    }

    public CompletableFuture<ConversationSummary> transfer(String conversationId, long version, String toAgent,
                                                           String reason) {
        return act(token -> api.transfer(token, conversationId, new VersionedAction(version, toAgent, reason)));
    }

    public CompletableFuture<ConversationSummary> close(String conversationId, long version, String reason) {
        return act(token -> api.close(token, conversationId, new VersionedAction(version, null, reason)));
    }

    public CompletableFuture<ConversationSummary> reopen(String conversationId, long version, String toAgent) {
        return act(token -> api.reopen(token, conversationId, new VersionedAction(version, toAgent, null)));
    }

    public CompletableFuture<ConversationSummary> reassign(String conversationId, long version, String toAgent) {
        return act(token -> api.reassign(token, conversationId, new VersionedAction(version, toAgent, null)));
    }

    /** Asks the platform for one conversation's current state and records it like an action's answer. */
    public CompletableFuture<ConversationSummary> refresh(String conversationId) {
        return act(token -> api.conversation(token, conversationId));
    }

    public CompletableFuture<List<ConversationSummary>> conversations(Scope scope) {
        return onIo(token -> api.conversations(token, scope).conversations());
    }

    public CompletableFuture<List<AgentInfo>> agents() {
        return onIo(token -> api.agents(token).agents());
    }

    /** Runs a state change over HTTP, then records the answer in the journal. */
    private CompletableFuture<ConversationSummary> act(Function<String, ConversationSummary> call) {
        return onIo(call).thenApplyAsync(summary -> {
            journal.upsertConversation(summary);
            publish(new SessionUpdate.ConversationChanged(summary));
            return summary;
        }, core::execute);
    }

    // ---- supervision -------------------------------------------------------------------------

    /** The signed-in user's role; null before the first sign-in. Supervisors and admins {@link Role#oversees}. */
    public Role role() {
        UserInfo me = signedInAs;
        return me == null ? null : me.role();
    }

    /** Who signed in, as the platform described them; empty before the first sign-in. */
    public Optional<UserInfo> signedInAs() {
        return Optional.ofNullable(signedInAs);
    }

    /** The supervisor's endpoints with this session's token (renewed like every other call). */
    public SupervisorDesk supervisorDesk() {
        return new SupervisorDesk(api, this::withToken);
    }

    /** A feed of the board and the agents' health on the core thread; start it while the console is shown. */
    public BoardFeed boardFeed(BoardFeed.Listener listener) {
        return new BoardFeed(supervisorDesk(), core, listener);
    }

    private <T> CompletableFuture<T> withToken(Function<String, T> call) {
        return onIo(call);
    }

    // ---- drafts --------------------------------------------------------------------------------

    /**
     * Keeps what the user is typing in the journal, so a crash or a sign-out loses no draft. Runs
     * on the core thread, like the other journal writes, so that saves land in the order they were
     * made and the caller never waits for the synced write; an empty text clears it.
     */
    public CompletableFuture<Void> saveDraft(String conversationId, String text) {
        return onCore(() -> {
            Journal j = journal;
            if (j != null) {
                j.saveDraft(conversationId, text);
            }
            return null;
        });
    }

    /** The saved draft of a conversation; a journal read, so call it off the UI thread. */
    public Optional<String> draft(String conversationId) {
        Journal j = journal;
        return j == null ? Optional.empty() : j.draft(conversationId);
    }

    // ---- reading the journal (any thread) ---------------------------------------------------

    public String user() {
        return user;
    }

    public Optional<Journal> journal() {
        return Optional.ofNullable(journal);
    }

    public List<ConversationSummary> heldConversations() {
        Journal j = journal;
        return j == null ? List.of() : j.conversations();
    }

    public List<ConversationEvent> history(String conversationId, long afterSeq, int limit) {
        Journal j = journal;
        return j == null ? List.of() : j.events(conversationId, afterSeq, limit);
    }

    /** The {@code limit} events just before {@code beforeSeq}, ascending: one page of older history. */
    public List<ConversationEvent> historyBefore(String conversationId, long beforeSeq, int limit) {
        Journal j = journal;
        return j == null ? List.of() : j.eventsBefore(conversationId, beforeSeq, limit);
    }

    /** The panel's data directory (journals, settings, the user's own canned responses). */
    public Path dataDirectory() {
        return dataDir;
    }

    public List<OutboxEntry> unsent() {
        Journal j = journal;
        return j == null ? List.of() : j.pending();
    }

    // ---- plumbing ---------------------------------------------------------------------------

    private SendQueue requireSendQueue() {
        if (sendQueue == null) {
            throw new IllegalStateException("not signed in");
        }
        return sendQueue;
    }

    private <T> CompletableFuture<T> onCore(Supplier<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        core.execute(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /**
     * Runs an HTTP call with the access token on the IO pool. A token the platform calls expired
     * (or no longer valid) is refreshed once — by this call or whoever got there first — and the
     * call retried with the new one (protocol.md §3: refresh once, then retry). A refused refresh
     * fails the call with UNAUTHENTICATED.
     */
    private <T> CompletableFuture<T> onIo(Function<String, T> call) {
        return CompletableFuture.supplyAsync(() -> {
            TokenKeeper keeper = tokens;
            if (keeper == null) {
                throw new IllegalStateException("not signed in");
            }
            String token = keeper.accessToken();
            try {
                return call.apply(token);
            } catch (ApiException e) {
                if (e.code() != ErrorCode.TOKEN_EXPIRED && e.code() != ErrorCode.UNAUTHENTICATED) {
                    throw e;
                }
                return call.apply(keeper.refreshUnlessReplaced(token));
            }
        }, io);
    }

    /** Closing twice is harmless: the second call returns at once (the core is gone by then). */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        stopOnCore().join();
        Journal j = journal;
        if (j != null) {
            j.close();
        }
        if (ownsExecutors) {
            io.shutdownNow();
            if (core instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.debug("closing the core scheduler: {}", e.toString());
                }
            }
        }
    }
}
