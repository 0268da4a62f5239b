package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;
import dev.holdfast.protocol.http.AgentInfo;

/**
 * One agent on the supervisor's agents board.
 *
 * @param agent           id, name, role, chosen presence, open conversations and capacity, teams
 * @param connection      derived from the connection's health, not from the presence the agent chose
 * @param offlineSince    when the last socket closed (null while live)
 * @param lastHeartbeatAt the last frame or ping received from the agent's panel (null if never)
 * @param unsent          messages the agent's panel reports as not yet sent, over all its conversations
 * @param lastTypedAt     the last typing signal the agent sent (null if none)
 * @param lastSentAt      the last message the agent sent (null if none)
 */
public record AgentHealth(AgentInfo agent, ConnectionHealth connection, Long offlineSince, Long lastHeartbeatAt,
                          int unsent, Long lastTypedAt, Long lastSentAt) {
    public AgentHealth {
        Require.present(agent, "agent");
        Require.present(connection, "connection");
    }
}
