package dev.holdfast.protocol.supervision;

import dev.holdfast.protocol.Require;
import java.util.List;

/**
 * GET /v1/supervisor/audit?before=ID&amp;limit=N: the newest entries first; {@code before} pages back.
 * GET /v1/supervisor/audit.csv gives the whole log as CSV (RFC 4180, a header row, UTF-8).
 */
public record AuditPage(List<AuditEntry> entries) {
    public AuditPage {
        entries = Require.list(entries);
    }
}
