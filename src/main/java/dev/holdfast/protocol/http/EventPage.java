package dev.holdfast.protocol.http;

import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.Require;
import java.util.List;

/**
 * GET /v1/conversations/{id}/events: events in ascending seq. {@code hasMore} says whether more
 * exist in the direction asked for.
 */
public record EventPage(String epoch, ConversationSummary conversation, List<ConversationEvent> events,
                        boolean hasMore) {
    public EventPage {
        events = Require.list(events);
    }
}
