package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;
import java.util.List;

/** GET /v1/supervisor/agents: every agent account, with its health judged at {@code serverTime}. */
public record AgentBoard(long serverTime, List<AgentHealth> agents) {
    public AgentBoard {
        agents = Require.list(agents);
    }
}
