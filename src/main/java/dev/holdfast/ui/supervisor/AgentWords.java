package dev.holdfast.ui.supervisor;

import dev.holdfast.protocol.supervision.AgentHealth;
import dev.holdfast.ui.i18n.Messages;
import java.time.ZoneId;

/** An agent's health in words: "Live", "Reconnecting", "Offline since 09:12", "Typed 5 s ago". */
final class AgentWords {
    private AgentWords() {
    }

    static String connection(AgentHealth h, Messages messages, ZoneId zone) {
        return switch (h.connection()) {
            case LIVE -> messages.get("sup.agents.live");
            case RECONNECTING -> messages.get("sup.agents.reconnecting");
            case OFFLINE -> h.offlineSince() == null ? messages.get("sup.agents.offline")
                    : messages.get("sup.agents.offlineSince", SupervisionWords.clockTime(h.offlineSince(), zone));
        };
    }

    static String heartbeat(AgentItem.Line line, Messages messages) {
        long ago = line.heartbeatAgoMillis();
        return ago < 0 ? messages.get("sup.agents.never")
                : messages.get("sup.agents.ago", SupervisionWords.duration(ago, messages));
    }

    static String load(AgentHealth h, Messages messages) {
        return messages.get("sup.agents.load", h.agent().open(), h.agent().capacity());
    }

    /** The latest of typing and sending, or nothing when neither happened. */
    static String activity(AgentItem.Line line, Messages messages) {
        AgentHealth h = line.health();
        Long typed = h.lastTypedAt();
        Long sent = h.lastSentAt();
        if (typed == null && sent == null) {
            return "";
        }
        boolean typedLast = sent == null || (typed != null && typed > sent);
        long at = typedLast ? typed : sent;
        return messages.get(typedLast ? "sup.agents.typed" : "sup.agents.sent",
                SupervisionWords.duration(Math.max(0, line.serverTime() - at), messages));
    }

    /** How the connection sorts: offline first (they need someone), then reconnecting, then live. */
    static int connectionRank(AgentHealth h) {
        return switch (h.connection()) {
            case OFFLINE -> 0;
            case RECONNECTING -> 1;
            case LIVE -> 2;
        };
    }
}
