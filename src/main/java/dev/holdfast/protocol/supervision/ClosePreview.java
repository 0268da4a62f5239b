package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;
import java.util.List;

/** The answer to a preview: the candidates, judged at {@code serverTime}. */
public record ClosePreview(long serverTime, List<CloseCandidate> candidates) {
    public ClosePreview {
        candidates = Require.list(candidates);
    }
}
