package dev.holdfast.ui.supervisor;

import dev.holdfast.protocol.supervision.AgentHealth;
import dev.holdfast.protocol.supervision.ConnectionHealth;

/**
 * One agent on the agents board, the same object from snapshot to snapshot (selection stays).
 *
 * <p>Threading: FX thread only.
 */
final class AgentItem extends LiveItem<AgentItem.Line> {
    /** An agent's health as the platform judged it at {@code serverTime}. */
    record Line(AgentHealth health, long serverTime) {
        /** Since when nothing came from the agent's panel; -1 when never. */
        long heartbeatAgoMillis() {
            Long at = health.lastHeartbeatAt();
            return at == null ? -1 : Math.max(0, serverTime - at);
        }

        /** Somebody must take over: gone or going, with conversations still theirs. */
        boolean needsReassign() {
            return health.connection() != ConnectionHealth.LIVE && health.agent().open() > 0;
        }
    }

    AgentItem(Line first) {
        super(first.health().agent().id(), first);
    }
}
