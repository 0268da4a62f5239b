package dev.holdfast.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/** Frames a client (agent panel or customer widget) sends over a WebSocket. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientFrame.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ClientFrame.Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = ClientFrame.Send.class, name = "send"),
    @JsonSubTypes.Type(value = ClientFrame.Typing.class, name = "typing"),
    @JsonSubTypes.Type(value = ClientFrame.SetPresence.class, name = "presence"),
    @JsonSubTypes.Type(value = ClientFrame.Outbox.class, name = "outbox"),
})
public sealed interface ClientFrame {

    /**
     * Must be the first frame. {@code epoch} and {@code sessionId} are what the client last saw
     * (null on a first connection); {@code cursors} maps conversation id to the last sequence
     * number the client has durably applied.
     */
    record Hello(int protocol, String token, String deviceId, String epoch, String sessionId,
                 Map<String, Long> cursors) implements ClientFrame {
        public Hello {
            // Any version number decodes, so that the platform can answer UNSUPPORTED_VERSION.
            Require.text(token, "token", 4096);
            Require.text(deviceId, "deviceId", Limits.MAX_ID_CHARS);
            cursors = Require.map(cursors);
        }
    }

    /** Application-level heartbeat; answered with a pong carrying the same nonce. */
    record Ping(String nonce) implements ClientFrame {
        public Ping {
            Require.text(nonce, "nonce", Limits.MAX_ID_CHARS);
        }
    }

    /** Send a message. Idempotent on (device id, clientMessageId). */
    record Send(String conversationId, String clientMessageId, String text) implements ClientFrame {
        public Send {
            Require.text(conversationId, "conversationId", Limits.MAX_ID_CHARS);
            Require.text(clientMessageId, "clientMessageId", Limits.MAX_ID_CHARS);
            Require.text(text, "text", Limits.MAX_TEXT_CHARS);
        }
    }

    record Typing(String conversationId, boolean active) implements ClientFrame {
        public Typing {
            Require.text(conversationId, "conversationId", Limits.MAX_ID_CHARS);
        }
    }

    /** An agent sets themself available or away (offline follows the connection). */
    record SetPresence(Presence status) implements ClientFrame {
        public SetPresence {
            Require.present(status, "status");
            if (status == Presence.OFFLINE) {
                throw new IllegalArgumentException("status must be available or away");
            }
        }
    }

    /**
     * An agent's panel reports the messages it holds but has not had acknowledged, per
     * conversation (conversations with none left out), after its hello and whenever that
     * changes. The platform keeps the latest report per session: a conversation with unsent
     * messages is under active handling and no bulk close or policy closes it.
     */
    record Outbox(Map<String, Integer> unsent) implements ClientFrame {
        public Outbox {
            unsent = Require.map(unsent);
            if (unsent.size() > 1000) {
                throw new IllegalArgumentException("unsent names more than 1000 conversations");
            }
            unsent.forEach((id, count) -> {
                Require.text(id, "unsent conversation id", Limits.MAX_ID_CHARS);
                if (count == null || count < 1) {
                    throw new IllegalArgumentException("unsent counts must be at least 1");
                }
            });
        }
    }
}
