package dev.holdfast.client.journal;

import java.util.List;

/**
 * The result of checking a journal: {@code ok} when {@code problems} is empty. Each problem is one
 * line in plain words (SQLite's quick_check output, outbox entries of unknown conversations,
 * cursors over missing events).
 */
public record IntegrityReport(boolean ok, List<String> problems) {
    public IntegrityReport {
        problems = List.copyOf(problems);
        if (ok != problems.isEmpty()) {
            throw new IllegalArgumentException("ok must be true exactly when there are no problems");
        }
    }

    public static IntegrityReport of(List<String> problems) {
        return new IntegrityReport(problems.isEmpty(), problems);
    }
}
