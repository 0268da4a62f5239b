package dev.holdfast.protocol.http;

import dev.holdfast.protocol.Require;
import java.util.List;

/** GET /v1/agents */
public record AgentList(List<AgentInfo> agents) {
    public AgentList {
        agents = Require.list(agents);
    }
}
