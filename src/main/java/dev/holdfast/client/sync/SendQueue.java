package dev.holdfast.client.sync;

import dev.holdfast.protocol.Backoff;
import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.common.Scheduler;
import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.Journal;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.client.status.Updates;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ServerFrame;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The outbox's way out: sends journaled messages in the order they were composed, reusing
 * their client message id on every attempt, and records what the platform answered. Runs on
 * the core thread only; every field is owned by it.
 */
public final class SendQueue {
    private final Journal journal;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Updates updates;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    private final Random random = new Random();

    /** Sends a frame if the connection is live; false otherwise. */
    private final Predicate<ClientFrame> socket;
    /** True while the connection is live and caught up, and no recovery holds the outbox. */
    private boolean open;
    /** Sent on the current connection and not yet answered; resent (same id) after a reconnect. */
    private final Set<String> inFlight = new HashSet<>();
    private Cancellable retryTimer;

    public SendQueue(Journal journal, Scheduler scheduler, Clock clock, Updates updates,
                     Predicate<ClientFrame> socket) {
        this.journal = journal;
        this.scheduler = scheduler;
        this.clock = clock;
        this.updates = updates;
        this.socket = socket;
    }

    /** Journals a message (durable on return) and sends it if the connection is up. */
    public OutboxEntry compose(String conversationId, String text) {
        OutboxEntry entry = journal.enqueue(conversationId, text, clock.millis());
        updates.publish(new SessionUpdate.DeliveryChanged(entry));
        flush();
        return entry;
    }

    /** The connection is live and caught up: send what waits. */
    public void open() {
        open = true;
        flush();
    }

    /** Stop sending (disconnected, or a recovery must restore first). */
    public void hold() {
        open = false;
        inFlight.clear();
        if (retryTimer != null) {
            retryTimer.cancel();
            retryTimer = null;
        }
    }

    public boolean isOpen() {
        return open;
    }

    /** Sends every entry that is due, oldest first; schedules the next retry. */
    public void flush() {
        if (!open) {
            return;
        }
        long now = clock.millis();
        long nextRetry = Long.MAX_VALUE;
        for (OutboxEntry e : journal.pending()) {
            if (e.state() == DeliveryState.NEEDS_ACTION) {
                continue;
            }
            if (e.state() == DeliveryState.FAILED_WILL_RETRY && e.nextAttemptAt() > now) {
                nextRetry = Math.min(nextRetry, e.nextAttemptAt());
                continue;
            }
            if (inFlight.contains(e.clientMessageId())) {
                continue;
            }
            if (!socket.test(new ClientFrame.Send(e.conversationId(), e.clientMessageId(), e.text()))) {
                return;
            }
            inFlight.add(e.clientMessageId());
            journal.markSending(e.clientMessageId());
            journal.outboxEntry(e.clientMessageId())
                    .ifPresent(sent -> updates.publish(new SessionUpdate.DeliveryChanged(sent)));
        }
        if (nextRetry != Long.MAX_VALUE) {
            scheduleRetry(nextRetry - now);
        }
    }

    private void scheduleRetry(long inMillis) {
        if (retryTimer != null) {
            retryTimer.cancel();
        }
        retryTimer = scheduler.schedule(Duration.ofMillis(Math.max(0, inMillis)), () -> {
            retryTimer = null;
            flush();
        });
    }

    /** The platform acknowledged a message. */
    public void acknowledged(ServerFrame.Ack ack) {
        inFlight.remove(ack.clientMessageId());
        if (ack.event() == null || journal.outboxEntry(ack.clientMessageId()).isEmpty()) {
            return;
        }
        journal.markSent(ack.clientMessageId(), ack.event());
        journal.outboxEntry(ack.clientMessageId())
                .ifPresent(e -> updates.publish(new SessionUpdate.DeliveryChanged(e)));
    }

    /**
     * The platform refused a message. Returns false when the error is not about an outbox entry.
     */
    public boolean refused(ServerFrame.Error error) {
        if (error.ref() == null) {
            return false;
        }
        inFlight.remove(error.ref());
        OutboxEntry entry = journal.outboxEntry(error.ref()).orElse(null);
        if (entry == null || entry.state() == DeliveryState.SENT) {
            return entry != null;
        }
        if (isPermanent(error.code())) {
            journal.markNeedsAction(entry.clientMessageId(), reasonFor(error));
        } else {
            long wait = error.retryAfterMs() != null ? error.retryAfterMs()
                    : backoff.delay(entry.attempts(), random).toMillis();
            journal.markFailed(entry.clientMessageId(), reasonFor(error), clock.millis() + wait);
            scheduleRetry(wait);
        }
        journal.outboxEntry(entry.clientMessageId())
                .ifPresent(e -> updates.publish(new SessionUpdate.DeliveryChanged(e)));
        return true;
    }

    /** The user chose Retry on a message that needs action. */
    public void retry(String clientMessageId) {
        journal.requeue(clientMessageId);
        journal.outboxEntry(clientMessageId).ifPresent(e -> updates.publish(new SessionUpdate.DeliveryChanged(e)));
        flush();
    }

    public void discard(String clientMessageId) {
        journal.discard(clientMessageId);
    }

    private static boolean isPermanent(ErrorCode code) {
        return switch (code) {
            case FORBIDDEN, NOT_FOUND, CONFLICT, IDEMPOTENCY_MISMATCH, BAD_REQUEST, PAYLOAD_TOO_LARGE -> true;
            default -> false;
        };
    }

    private static String reasonFor(ServerFrame.Error error) {
        return switch (error.code()) {
            case FORBIDDEN -> "This conversation is no longer assigned to you.";
            case CONFLICT -> "The conversation is closed or changed: " + error.message();
            case NOT_FOUND -> "The conversation no longer exists.";
            case IDEMPOTENCY_MISMATCH -> "A different message was already sent under this id.";
            case RATE_LIMITED -> "Sending too fast; retrying shortly.";
            default -> error.message();
        };
    }
}
