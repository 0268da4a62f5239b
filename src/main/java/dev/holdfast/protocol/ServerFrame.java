package dev.holdfast.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** Frames the platform sends over a WebSocket. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerFrame.Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = ServerFrame.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ServerFrame.Ack.class, name = "ack"),
    @JsonSubTypes.Type(value = ServerFrame.Event.class, name = "event"),
    @JsonSubTypes.Type(value = ServerFrame.Conversation.class, name = "conversation"),
    @JsonSubTypes.Type(value = ServerFrame.TypingNotice.class, name = "typing"),
    @JsonSubTypes.Type(value = ServerFrame.PresenceNotice.class, name = "presence"),
    @JsonSubTypes.Type(value = ServerFrame.Synced.class, name = "synced"),
    @JsonSubTypes.Type(value = ServerFrame.Error.class, name = "error"),
})
public sealed interface ServerFrame {

    /** Answer to hello: the platform's epoch and the session this connection belongs to. */
    record Welcome(int protocol, String epoch, String sessionId, boolean resumed, String userId,
                   Role role, int heartbeatSeconds, int maxFrameBytes, long serverTime)
            implements ServerFrame {
        public Welcome {
            Require.text(epoch, "epoch");
            Require.text(sessionId, "sessionId");
            Require.text(userId, "userId");
        }
    }

    record Pong(String nonce, long serverTime) implements ServerFrame {
        public Pong {
            Require.text(nonce, "nonce");
        }
    }

    /**
     * A send was accepted (or had already been accepted: the same ack again). {@code event} is
     * the message as the platform holds it. For a customer's message held while its
     * conversation awaits restore, {@code event} is null and {@code pendingId} names it.
     */
    record Ack(String clientMessageId, String conversationId, ConversationEvent event, String pendingId)
            implements ServerFrame {
        public Ack {
            Require.text(clientMessageId, "clientMessageId");
            Require.text(conversationId, "conversationId");
        }
    }

    /** A new event in a conversation the receiver may see, live or replayed from a cursor. */
    record Event(ConversationEvent event) implements ServerFrame {
        public Event {
            Require.present(event, "event");
        }
    }

    /**
     * A conversation's state, with events to merge by id: sent when one becomes visible to the
     * receiver without a cursor (newly assigned, queued, or after CURSOR_TOO_OLD), whenever a
     * queued conversation changes (no events), and after a restore or a restart rebuilt its log
     * (events from the lowest changed seq; an event may come back with a new seq).
     */
    record Conversation(ConversationSummary conversation, List<ConversationEvent> recent)
            implements ServerFrame {
        public Conversation {
            Require.present(conversation, "conversation");
            recent = Require.list(recent);
        }
    }

    record TypingNotice(String conversationId, Author author, boolean active) implements ServerFrame {
        public TypingNotice {
            Require.text(conversationId, "conversationId");
            Require.present(author, "author");
        }
    }

    /** An agent's presence changed (sent to supervisors). */
    record PresenceNotice(String userId, Presence status) implements ServerFrame {
        public PresenceNotice {
            Require.text(userId, "userId");
            Require.present(status, "status");
        }
    }

    /** Replay after hello is complete: from here on, frames are live. */
    record Synced(String epoch, int conversations) implements ServerFrame {
        public Synced {
            Require.text(epoch, "epoch");
        }
    }

    /**
     * Something went wrong. {@code ref} is the clientMessageId or ping nonce of the frame that
     * failed, when known; {@code epoch} is set with EPOCH_CHANGED; {@code retryAfterMs} with
     * RATE_LIMITED.
     */
    record Error(ErrorCode code, String message, String ref, String conversationId,
                 Long retryAfterMs, String epoch) implements ServerFrame {
        public Error {
            Require.present(code, "code");
            message = message == null ? "" : message;
        }

        public static Error of(ErrorCode code, String message) {
            return new Error(code, message, null, null, null, null);
        }
    }
}
