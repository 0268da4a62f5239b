package dev.holdfast.platform.sim;

import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.CustomerSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated customer: opens a conversation, holds a customer WebSocket to it and writes the
 * lines of its {@link CustomerScript} at the pace of {@link Pacing}, with a typing indicator
 * before each.
 *
 * <p>Delivery: every line gets a fresh clientMessageId and stays in an outbox until the platform
 * acks it; after a reconnect the outbox is sent again with the same ids, which the platform
 * dedupes. The hello carries the highest seq seen in {@code event} frames as the cursor.
 *
 * <p>Liveness: a ping every {@value #HEARTBEAT_SECONDS} s; a socket that closes, fails or stays
 * silent for {@value #SILENCE_SECONDS} s is replaced after a full-jitter backoff. A refused token
 * (TOKEN_EXPIRED, UNAUTHENTICATED, close 4001) or a lost conversation (NOT_FOUND, FORBIDDEN) makes
 * the customer start again with a new conversation; a closed conversation, or the end of the
 * script, makes them leave, and {@code onLeft} learns of it.
 *
 * <p>Thread-safe: transport callbacks and scheduled tasks serialize on this object.
 */
final class SimulatedCustomer {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedCustomer.class);
    static final int HEARTBEAT_SECONDS = Limits.HEARTBEAT_SECONDS;
    static final int SILENCE_SECONDS = 30;
    static final Duration HEARTBEAT = Duration.ofSeconds(HEARTBEAT_SECONDS);
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(SILENCE_SECONDS);
    /** How long a customer who said goodbye waits for it to be delivered before leaving anyway. */
    static final Duration DELIVERY_WAIT_ON_LEAVE = Duration.ofSeconds(30);
    static final int CLOSE_UNAUTHENTICATED = 4001;
    static final int CLOSE_UNSUPPORTED_VERSION = 4002;

    private enum Phase { CREATED, OPENING, CHATTING, LEFT, STOPPED }

    /** A line written but not yet acknowledged. */
    private static final class Outgoing {
        final String clientMessageId;
        final String text;
        boolean transmitted;

        Outgoing(String clientMessageId, String text) {
            this.clientMessageId = clientMessageId;
            this.text = text;
        }
    }

    private final String label;
    private final CustomerScript script;
    private final CustomerEnvironment env;
    private final Consumer<SimulatedCustomer> onLeft;
    private final Random paceRandom;
    private final Random idRandom;
    private final Random jitterRandom;

    private Phase phase = Phase.CREATED;
    private CustomerSession session;
    private long lastSeenSeq;
    private int nextLine;
    private final Map<String, Outgoing> outbox = new LinkedHashMap<>();
    private boolean goodbyeWritten;
    private boolean leaveWhenDelivered;

    private int openAttempt;
    private int connectionAttempt;
    private CustomerTransport.Connection connection;
    private boolean welcomed;
    private boolean welcomedSinceOpen;
    private int consecutiveFailures;
    private long lastFrameAt;
    private long pings;
    private long nextLineAt = -1;

    private Cancellable openTimer = Cancellable.NONE;
    private Cancellable reconnectTimer = Cancellable.NONE;
    private Cancellable pingTimer = Cancellable.NONE;
    private Cancellable silenceTimer = Cancellable.NONE;
    private Cancellable lineTimer = Cancellable.NONE;
    private Cancellable typingTimer = Cancellable.NONE;
    private Cancellable leaveTimer = Cancellable.NONE;
    private final List<Cancellable> retryTimers = new ArrayList<>();

    /**
     * @param label  short name for logs, e.g. {@code customer-3}
     * @param seed   decides the script, the timings, the message ids and the backoff jitter
     * @param onLeft told (from a scheduled task, not under this customer's lock) when the customer left
     */
    SimulatedCustomer(String label, long seed, CustomerEnvironment env, Consumer<SimulatedCustomer> onLeft) {
        this.label = label;
        this.env = env;
        this.onLeft = onLeft;
        Random seeds = new Random(seed);
        this.script = CustomerScript.draw(env.phraseBook(), new Random(seeds.nextLong()));
        this.paceRandom = new Random(seeds.nextLong());
        this.idRandom = new Random(seeds.nextLong());
        this.jitterRandom = new Random(seeds.nextLong());
    }

    String label() {
        return label;
    }

    CustomerScript script() {
        return script;
    }

    synchronized String conversationId() {
        return session == null ? null : session.conversationId();
    }

    synchronized long lastSeenSeq() {
        return lastSeenSeq;
    }

    synchronized int unacknowledged() {
        return outbox.size();
    }

    synchronized boolean hasLeft() {
        return phase == Phase.LEFT;
    }

    // ---- lifecycle -------------------------------------------------------------------------

    synchronized void start() {
        if (phase == Phase.STOPPED) {
            return;
        }
        if (phase != Phase.CREATED) {
            throw new IllegalStateException(label + " already started");
        }
        phase = Phase.OPENING;
        open();
    }

    /** Stops at once: cancels every timer and closes the socket. The customer does not come back. */
    synchronized void stop() {
        if (phase == Phase.STOPPED) {
            return;
        }
        phase = Phase.STOPPED;
        cancelTimers();
        closeConnection();
    }

    private void leave(String why) {
        if (phase != Phase.CHATTING && phase != Phase.OPENING) {
            return;
        }
        LOG.debug("{} leaves conversation {}: {}", label, conversationId(), why);
        phase = Phase.LEFT;
        cancelTimers();
        closeConnection();
        env.scheduler().schedule(Duration.ZERO, () -> onLeft.accept(this));
    }

    private synchronized void leaveNow(String why) {
        leave(why);
    }

    /** The platform no longer accepts this customer's token or conversation: open a new one. */
    private void startAgain(String why) {
        LOG.info("{} starts again with a new conversation: {}", label, why);
        cancelTimers();
        closeConnection();
        outbox.clear();
        session = null;
        lastSeenSeq = 0;
        nextLine = 0;
        goodbyeWritten = false;
        leaveWhenDelivered = false;
        phase = Phase.OPENING;
        // A token refused right after it was issued must not turn into a tight loop.
        Duration delay = welcomedSinceOpen ? Duration.ZERO : nextBackoff();
        openTimer = env.scheduler().schedule(delay, this::reopen);
    }

    // ---- opening the conversation ----------------------------------------------------------

    private void open() {
        int attempt = ++openAttempt;
        env.transport().open(script.openRequest())
                .whenComplete((opened, error) -> opened(attempt, opened, error));
    }

    private synchronized void reopen() {
        if (phase == Phase.OPENING) {
            open();
        }
    }

    private synchronized void opened(int attempt, CustomerSession opened, Throwable error) {
        if (attempt != openAttempt || phase != Phase.OPENING) {
            return;
        }
        if (error != null) {
            Throwable cause = unwrap(error);
            Duration delay = retryAfter(cause);
            if (delay == null) {
                delay = nextBackoff();
            }
            if (consecutiveFailures <= 1) {
                LOG.warn("{} could not open a conversation ({}); retrying in {} ms", label, describe(cause),
                        delay.toMillis());
            } else {
                LOG.debug("{} could not open a conversation ({}); retrying in {} ms", label, describe(cause),
                        delay.toMillis());
            }
            openTimer = env.scheduler().schedule(delay, this::reopen);
            return;
        }
        session = opened;
        lastSeenSeq = 0;
        phase = Phase.CHATTING;
        consecutiveFailures = 0;
        welcomedSinceOpen = false;
        env.counters().conversationOpened();
        LOG.info("{} opened conversation {} as {} ({}, {}, tags {})", label, opened.conversationId(),
                script.customerName(), script.language().code(), script.topic().tag(), script.tags());
        connect();
        scheduleLine(env.pacing().firstLine(paceRandom));
    }

    // ---- the socket ------------------------------------------------------------------------

    private void connect() {
        int attempt = ++connectionAttempt;
        reconnectTimer = Cancellable.NONE;
        env.transport().connect(new ConnectionListener(attempt))
                .whenComplete((opened, error) -> connected(attempt, opened, error));
    }

    private synchronized void reconnect() {
        if (phase == Phase.CHATTING && connection == null) {
            connect();
        }
    }

    private synchronized void connected(int attempt, CustomerTransport.Connection opened, Throwable error) {
        if (attempt != connectionAttempt || phase != Phase.CHATTING) {
            if (opened != null) {
                opened.close();
            }
            return;
        }
        if (error != null) {
            dropped(attempt, "connect failed: " + describe(unwrap(error)), 0);
            return;
        }
        connection = opened;
        welcomed = false;
        lastFrameAt = now();
        opened.send(new ClientFrame.Hello(Limits.PROTOCOL_VERSION, session.customerToken(), session.customerId(),
                null, null, Map.of(session.conversationId(), lastSeenSeq)));
        pingTimer = env.scheduler().schedule(HEARTBEAT, () -> ping(attempt));
        watchSilence(attempt);
    }

    private synchronized void ping(int attempt) {
        if (attempt != connectionAttempt || connection == null) {
            return;
        }
        connection.send(new ClientFrame.Ping("ping-" + (++pings)));
        pingTimer = env.scheduler().schedule(HEARTBEAT, () -> ping(attempt));
    }

    private void watchSilence(int attempt) {
        long due = lastFrameAt + SILENCE_LIMIT.toMillis();
        silenceTimer = env.scheduler().schedule(Duration.ofMillis(due - now()), () -> checkSilence(attempt));
    }

    private synchronized void checkSilence(int attempt) {
        if (attempt != connectionAttempt || connection == null) {
            return;
        }
        if (now() - lastFrameAt >= SILENCE_LIMIT.toMillis()) {
            connection.abort();
            dropped(attempt, "no frame for " + SILENCE_SECONDS + " s", 0);
        } else {
            watchSilence(attempt);
        }
    }

    private synchronized void dropped(int attempt, String why, int closeCode) {
        if (attempt != connectionAttempt || phase != Phase.CHATTING) {
            return;
        }
        closeConnection();
        if (closeCode == CLOSE_UNAUTHENTICATED) {
            startAgain("socket closed " + closeCode);
            return;
        }
        if (closeCode == CLOSE_UNSUPPORTED_VERSION) {
            LOG.error("{} stops: the platform does not speak protocol {}", label, Limits.PROTOCOL_VERSION);
            stop();
            return;
        }
        Duration delay = nextBackoff();
        env.counters().reconnectScheduled();
        LOG.info("{} lost its socket to conversation {} ({}); reconnecting in {} ms (attempt {})", label,
                session.conversationId(), why, delay.toMillis(), consecutiveFailures);
        reconnectTimer = env.scheduler().schedule(delay, this::reconnect);
    }

    /** Forgets the current socket (its late callbacks become stale) and closes it. */
    private void closeConnection() {
        connectionAttempt++;
        pingTimer.cancel();
        silenceTimer.cancel();
        CustomerTransport.Connection closing = connection;
        connection = null;
        welcomed = false;
        if (closing != null) {
            closing.close();
        }
    }

    private Duration nextBackoff() {
        return env.backoff().delay(consecutiveFailures++, jitterRandom);
    }

    /** Frames and the end of one connection attempt. */
    private final class ConnectionListener implements CustomerTransport.Listener {
        private final int attempt;

        ConnectionListener(int attempt) {
            this.attempt = attempt;
        }

        @Override
        public void onFrame(ServerFrame frame) {
            received(attempt, frame);
        }

        @Override
        public void onClosed(int statusCode, String reason) {
            dropped(attempt, "closed " + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason),
                    statusCode);
        }

        @Override
        public void onError(Throwable error) {
            dropped(attempt, describe(unwrap(error)), 0);
        }
    }

    // ---- frames from the platform ----------------------------------------------------------

    private synchronized void received(int attempt, ServerFrame frame) {
        if (attempt != connectionAttempt || phase != Phase.CHATTING) {
            return;
        }
        lastFrameAt = now();
        // synced also counts, in case a welcome was lost to a shape this codec cannot read
        if (frame instanceof ServerFrame.Welcome || (frame instanceof ServerFrame.Synced && !welcomed)) {
            welcomed = true;
            welcomedSinceOpen = true;
            consecutiveFailures = 0;
            for (Outgoing outgoing : List.copyOf(outbox.values())) {
                transmit(outgoing);
            }
        } else if (frame instanceof ServerFrame.Event event) {
            onEvent(event.event());
        } else if (frame instanceof ServerFrame.Ack ack) {
            onAck(ack);
        } else if (frame instanceof ServerFrame.Conversation snapshot) {
            onSnapshot(snapshot);
        } else if (frame instanceof ServerFrame.Error error) {
            onError(error);
        } else if (frame instanceof ServerFrame.TypingNotice typing) {
            LOG.trace("{} sees {} typing: {}", label, typing.author().id(), typing.active());
        }
        // pong, presence: liveness only
    }

    private void onEvent(ConversationEvent event) {
        if (!event.conversationId().equals(session.conversationId())) {
            return;
        }
        lastSeenSeq = Math.max(lastSeenSeq, event.seq());
        if (event.kind() == EventKind.MESSAGE && event.author().kind() == AuthorKind.AGENT) {
            LOG.debug("{} got a reply in {} (seq {})", label, event.conversationId(), event.seq());
            answerSooner();
        } else if (event.kind() == EventKind.CLOSED) {
            leave("the conversation was closed");
        }
    }

    /** After an agent's reply the customer answers sooner than they otherwise would have. */
    private void answerSooner() {
        if (nextLineAt < 0 || goodbyeWritten) {
            return;
        }
        Duration sooner = env.pacing().afterAgentReply(paceRandom);
        if (now() + sooner.toMillis() < nextLineAt) {
            scheduleLine(sooner);
        }
    }

    private void onAck(ServerFrame.Ack ack) {
        Outgoing delivered = outbox.remove(ack.clientMessageId());
        if (delivered == null) {
            return;
        }
        env.counters().messageAcked();
        LOG.debug("{} message {} delivered{}", label, ack.clientMessageId(),
                ack.event() == null ? " (held: " + ack.pendingId() + ")" : " as seq " + ack.event().seq());
        if (leaveWhenDelivered && outbox.isEmpty()) {
            leave("said goodbye");
        }
    }

    /** A conversation frame replaces the customer's view (sent after CURSOR_TOO_OLD). */
    private void onSnapshot(ServerFrame.Conversation snapshot) {
        if (!snapshot.conversation().id().equals(session.conversationId())) {
            return;
        }
        lastSeenSeq = snapshot.recent().stream().mapToLong(ConversationEvent::seq).max()
                .orElse(snapshot.conversation().lastSeq());
        if (snapshot.conversation().status() == ConversationStatus.CLOSED) {
            leave("the conversation was closed");
        }
    }

    private void onError(ServerFrame.Error error) {
        ErrorCode code = error.code();
        switch (code) {
            case TOKEN_EXPIRED, UNAUTHENTICATED, NOT_FOUND, FORBIDDEN ->
                    startAgain(code + (error.message().isEmpty() ? "" : ": " + error.message()));
            case CONFLICT -> leave("the conversation is closed (" + error.message() + ")");
            case RATE_LIMITED, INTERNAL -> retryLater(error);
            case IDEMPOTENCY_MISMATCH, BAD_REQUEST, PAYLOAD_TOO_LARGE -> {
                Outgoing rejected = error.ref() == null ? null : outbox.remove(error.ref());
                LOG.warn("{} got {} ({}){}", label, code, error.message(),
                        rejected == null ? "" : "; dropped message " + rejected.clientMessageId);
            }
            case UNSUPPORTED_VERSION -> {
                LOG.error("{} stops: {}", label, error.message());
                stop();
            }
            default -> LOG.debug("{} got {} ({})", label, code, error.message());
        }
    }

    private void retryLater(ServerFrame.Error error) {
        String ref = error.ref();
        if (ref == null || !outbox.containsKey(ref)) {
            LOG.debug("{} got {} ({})", label, error.code(), error.message());
            return;
        }
        Duration delay = error.retryAfterMs() != null
                ? Duration.ofMillis(error.retryAfterMs())
                : env.backoff().delay(0, jitterRandom);
        LOG.debug("{} resends {} in {} ms after {}", label, ref, delay.toMillis(), error.code());
        retryTimers.add(env.scheduler().schedule(delay, () -> resend(ref)));
    }

    private synchronized void resend(String clientMessageId) {
        Outgoing outgoing = outbox.get(clientMessageId);
        if (outgoing != null && phase == Phase.CHATTING && welcomed) {
            transmit(outgoing);
        }
    }

    // ---- writing ---------------------------------------------------------------------------

    private void scheduleLine(Duration delay) {
        lineTimer.cancel();
        nextLineAt = now() + delay.toMillis();
        lineTimer = env.scheduler().schedule(delay, this::startTyping);
    }

    private synchronized void startTyping() {
        if (phase != Phase.CHATTING || nextLine >= script.lines().size()) {
            return;
        }
        nextLineAt = -1;
        String text = script.lines().get(nextLine);
        sendLive(new ClientFrame.Typing(session.conversationId(), true));
        typingTimer = env.scheduler().schedule(env.pacing().typing(text, paceRandom), this::finishLine);
    }

    private synchronized void finishLine() {
        if (phase != Phase.CHATTING) {
            return;
        }
        int index = nextLine++;
        sendLive(new ClientFrame.Typing(session.conversationId(), false));
        Outgoing outgoing = new Outgoing(randomUuid(idRandom).toString(), script.lines().get(index));
        outbox.put(outgoing.clientMessageId, outgoing);
        if (welcomed) {
            transmit(outgoing);
        }
        if (script.isGoodbye(index)) {
            goodbyeWritten = true;
            Duration linger = env.pacing().lingerAfterGoodbye(paceRandom);
            leaveTimer = env.scheduler().schedule(linger, this::leaveOnceDelivered);
        } else {
            scheduleLine(env.pacing().nextLine(paceRandom));
        }
    }

    private synchronized void leaveOnceDelivered() {
        if (phase != Phase.CHATTING) {
            return;
        }
        if (outbox.isEmpty()) {
            leave("said goodbye");
            return;
        }
        leaveWhenDelivered = true;
        leaveTimer = env.scheduler().schedule(DELIVERY_WAIT_ON_LEAVE,
                () -> leaveNow("said goodbye; gave up waiting for delivery"));
    }

    private void transmit(Outgoing outgoing) {
        connection.send(new ClientFrame.Send(session.conversationId(), outgoing.clientMessageId, outgoing.text));
        if (!outgoing.transmitted) {
            outgoing.transmitted = true;
            env.counters().messageSent();
            LOG.debug("{} sent {} to {}: {}", label, outgoing.clientMessageId, session.conversationId(),
                    outgoing.text);
        } else {
            LOG.debug("{} resent {} to {}", label, outgoing.clientMessageId, session.conversationId());
        }
    }

    /** Typing indicators are only worth sending on a live socket; they are never queued. */
    private void sendLive(ClientFrame frame) {
        if (welcomed) {
            connection.send(frame);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void cancelTimers() {
        openTimer.cancel();
        reconnectTimer.cancel();
        pingTimer.cancel();
        silenceTimer.cancel();
        lineTimer.cancel();
        typingTimer.cancel();
        leaveTimer.cancel();
        retryTimers.forEach(Cancellable::cancel);
        retryTimers.clear();
        nextLineAt = -1;
    }

    private long now() {
        return env.scheduler().nowMillis();
    }

    /** A version-4-shaped UUID drawn from {@code random}, so that a seed fixes the message ids too. */
    static UUID randomUuid(Random random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Duration retryAfter(Throwable cause) {
        if (cause instanceof ProtocolException p && p.code() == ErrorCode.RATE_LIMITED && p.retryAfterMs() != null) {
            return Duration.ofMillis(p.retryAfterMs());
        }
        return null;
    }

    private static String describe(Throwable cause) {
        if (cause instanceof ProtocolException p) {
            return p.code() + ": " + p.getMessage();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
