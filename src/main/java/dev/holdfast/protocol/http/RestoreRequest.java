package dev.holdfast.protocol.http;

import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.Require;
import java.util.List;

/** POST /v1/restore: the conversations a client holds, each with the events it has, after EPOCH_CHANGED. */
public record RestoreRequest(String deviceId, List<Item> conversations) {
    public RestoreRequest {
        Require.text(deviceId, "deviceId", Limits.MAX_ID_CHARS);
        conversations = Require.list(conversations);
    }

    public record Item(String conversationId, List<ConversationEvent> events) {
        public Item {
            Require.text(conversationId, "conversationId", Limits.MAX_ID_CHARS);
            events = Require.list(events);
        }
    }
}
