package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;
import java.util.List;

/**
 * A conversation's staleness, judged by the platform on its own clock.
 *
 * @param stale    true when at least one rule matched and the conversation is not under active handling
 * @param reasons  every rule that matched, each with how long (ms) the condition has lasted
 * @param handling why it is under active handling (empty when it is not); non-empty means never stale
 */
public record Staleness(boolean stale, List<Reason> reasons, List<HandlingReason> handling) {
    public Staleness {
        reasons = Require.list(reasons);
        handling = Require.list(handling);
    }

    /** One rule that matched: which, and for how many milliseconds its condition has held. */
    public record Reason(StaleReason reason, long forMillis) {
        public Reason {
            Require.present(reason, "reason");
        }
    }
}
