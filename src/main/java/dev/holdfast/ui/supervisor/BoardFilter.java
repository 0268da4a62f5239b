package dev.holdfast.ui.supervisor;

import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.supervision.BoardRow;
import java.util.function.Predicate;

/**
 * What the board shows: one team, one agent, one state and one kind of staleness, each null or
 * {@link Staleness#ANY} for all. Immutable.
 */
record BoardFilter(String team, String agent, ConversationStatus state, Staleness staleness)
        implements Predicate<BoardRow> {
    static final BoardFilter ALL = new BoardFilter(null, null, null, Staleness.ANY);

    enum Staleness { ANY, STALE, HANDLED, FRESH }

    BoardFilter withTeam(String t) {
        return new BoardFilter(t, agent, state, staleness);
    }

    BoardFilter withAgent(String a) {
        return new BoardFilter(team, a, state, staleness);
    }

    BoardFilter withState(ConversationStatus s) {
        return new BoardFilter(team, agent, s, staleness);
    }

    BoardFilter withStaleness(Staleness s) {
        return new BoardFilter(team, agent, state, s == null ? Staleness.ANY : s);
    }

    @Override
    public boolean test(BoardRow row) {
        if (team != null && !team.equals(row.team())) {
            return false;
        }
        if (agent != null && !agent.equals(row.conversation().assignee())) {
            return false;
        }
        if (state != null && state != row.conversation().status()) {
            return false;
        }
        boolean handled = !row.staleness().handling().isEmpty();
        return switch (staleness) {
            case ANY -> true;
            case STALE -> row.staleness().stale();
            case HANDLED -> handled;
            case FRESH -> !row.staleness().stale() && !handled;
        };
    }
}
