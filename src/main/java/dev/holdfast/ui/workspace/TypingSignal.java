package dev.holdfast.ui.workspace;

import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.common.Scheduler;
import java.time.Clock;
import java.time.Duration;

/**
 * Tells the platform that the agent is typing, without a frame per key: "typing" when the first
 * key comes and again at most every {@link #REPEAT} while keys keep coming (so the customer's
 * widget never times it out), "stopped" after {@link #IDLE} without a key, on send, and when
 * another conversation is opened.
 *
 * <p>Threading: every field is owned by the scheduler's thread (the FX thread in the panel).
 */
public final class TypingSignal {
    static final Duration REPEAT = Duration.ofSeconds(3);
    static final Duration IDLE = Duration.ofSeconds(5);

    /** Where the signal goes: {@code AgentSession::typing} in the panel. */
    @FunctionalInterface
    public interface Sink {
        void typing(String conversationId, boolean active);
    }

    private final Sink sink;
    private final Scheduler scheduler;
    private final Clock clock;
    /** The conversation the platform was told the agent is typing in; null when it was told nothing or "stopped". */
    private String typingIn;
    private long lastSaidAt;
    private Cancellable idle = Cancellable.NONE;

    public TypingSignal(Sink sink, Scheduler scheduler, Clock clock) {
        this.sink = sink;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** A key changed the reply in {@code conversationId}. */
    public void typed(String conversationId) {
        long now = clock.millis();
        if (!conversationId.equals(typingIn)) {
            stop();
            typingIn = conversationId;
            say(true, now);
        } else if (now - lastSaidAt >= REPEAT.toMillis()) {
            say(true, now);
        }
        idle.cancel();
        idle = scheduler.schedule(IDLE, this::stop);
    }

    /** The reply was sent, emptied or left: the customer should stop seeing "typing". */
    public void stop() {
        idle.cancel();
        idle = Cancellable.NONE;
        if (typingIn != null) {
            sink.typing(typingIn, false);
            typingIn = null;
        }
    }

    private void say(boolean active, long now) {
        lastSaidAt = now;
        sink.typing(typingIn, active);
    }
}
