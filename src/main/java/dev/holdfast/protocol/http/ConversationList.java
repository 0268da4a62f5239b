package dev.holdfast.protocol.http;

import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.Require;
import java.util.List;

/** GET /v1/conversations */
public record ConversationList(String epoch, List<ConversationSummary> conversations) {
    public ConversationList {
        conversations = Require.list(conversations);
    }
}
