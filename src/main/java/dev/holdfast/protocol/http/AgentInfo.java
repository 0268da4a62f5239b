package dev.holdfast.protocol.http;

import dev.holdfast.protocol.Presence;
import dev.holdfast.protocol.Require;
import dev.holdfast.protocol.Role;
import java.util.List;

/** An agent as others see them: for transfer targets and the supervisor's board. */
public record AgentInfo(String id, String displayName, Role role, Presence presence, int open,
                        int capacity, List<String> teams, Long lastSeenAt) {
    public AgentInfo {
        Require.text(id, "id");
        Require.present(presence, "presence");
        teams = Require.list(teams);
    }
}
