package dev.holdfast.platform.supervision;

import dev.holdfast.platform.auth.Account;
import dev.holdfast.platform.live.Conversation;
import dev.holdfast.platform.live.Oversight;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.http.AgentInfo;
import dev.holdfast.protocol.supervision.AgentBoard;
import dev.holdfast.protocol.supervision.AgentHealth;
import dev.holdfast.protocol.supervision.Board;
import dev.holdfast.protocol.supervision.BoardRow;
import dev.holdfast.protocol.supervision.ConnectionHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The supervisor's two views: every open conversation with its staleness, and every agent's health. */
public final class SupervisorBoard {
    private final Oversight live;
    private final Judgement judgement;

    public SupervisorBoard(Oversight live, Judgement judgement) {
        this.live = live;
        this.judgement = judgement;
    }

    public Board board() {
        return live.locked(() -> {
            List<BoardRow> rows = new ArrayList<>();
            for (Conversation c : live.open()) {
                rows.add(new BoardRow(c.summary(), team(c), c.lastActivityUser(), judgement.of(c)));
            }
            return new Board(live.now(), judgement.rules(), rows);
        });
    }

    /** The assignee's first team; null while queued (routing does not go by team). */
    String team(Conversation c) {
        if (c.assignee() == null) {
            return null;
        }
        return live.account(c.assignee()).map(Account::teams).filter(t -> !t.isEmpty()).map(t -> t.get(0))
                .orElse(null);
    }

    public AgentBoard agents() {
        return live.locked(() -> {
            Map<String, Integer> load = live.openLoad();
            List<AgentHealth> agents = new ArrayList<>();
            for (Account a : live.accounts()) {
                if (a.role() == Role.ADMIN) {
                    continue;
                }
                Oversight.AgentActivity act = live.agent(a.id());
                AgentInfo info = new AgentInfo(a.id(), a.displayName(), a.role(), live.effectivePresence(a.id()),
                        load.getOrDefault(a.id(), 0), a.capacity(), a.teams(), orNull(act.lastFrameAt()));
                agents.add(new AgentHealth(info, act.health(), act.health() == ConnectionHealth.LIVE ? null : act.offlineSince(), orNull(act.lastFrameAt()),
                        act.unsentTotal(), orNull(act.lastTypedAt()), orNull(act.lastSentAt())));
            }
            return new AgentBoard(live.now(), agents);
        });
    }

    private static Long orNull(long millis) {
        return millis == 0 ? null : millis;
    }
}
