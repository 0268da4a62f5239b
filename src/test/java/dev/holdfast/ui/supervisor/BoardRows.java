package dev.holdfast.ui.supervisor;

import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.supervision.BoardRow;
import dev.holdfast.protocol.supervision.HandlingReason;
import dev.holdfast.protocol.supervision.StaleReason;
import dev.holdfast.protocol.supervision.Staleness;
import java.util.List;

/** Board rows for the console's unit tests. */
final class BoardRows {
    static final long NOW = 1_772_442_000_000L; // 2026-03-02T09:00:00Z

    private BoardRows() {
    }

    static BoardRow row(String id, String customer, String agent, String team, Staleness staleness, long version) {
        ConversationSummary c = new ConversationSummary(id, agent == null ? ConversationStatus.QUEUED
                : ConversationStatus.ASSIGNED, agent, version, 1, 3, new CustomerInfo("cust-" + id, customer,
                "en", "web", List.of()), NOW - 3_600_000, NOW - 60_000, AuthorKind.CUSTOMER, NOW - 720_000, false);
        return new BoardRow(c, team, null, staleness);
    }

    static Staleness stale(StaleReason reason, long forMillis) {
        return new Staleness(true, List.of(new Staleness.Reason(reason, forMillis)), List.of());
    }

    static Staleness handled(HandlingReason why) {
        return new Staleness(false, List.of(), List.of(why));
    }

    static Staleness fresh() {
        return new Staleness(false, List.of(), List.of());
    }
}
