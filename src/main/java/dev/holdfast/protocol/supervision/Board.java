package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;
import java.util.List;

/**
 * GET /v1/supervisor/board: every open and queued conversation. {@code serverTime} is the
 * platform's clock when it judged staleness, so the panel words durations against it, not its own.
 */
public record Board(long serverTime, StaleRules rules, List<BoardRow> rows) {
    public Board {
        Require.present(rules, "rules");
        rows = Require.list(rows);
    }
}
