package dev.holdfast.platform.audit;

import dev.holdfast.protocol.supervision.AuditEntry;
import java.time.Instant;
import java.util.Locale;

/**
 * The audit log as CSV (RFC 4180): a header row, CRLF line ends, fields quoted when they hold a
 * comma, a quote or a line break, quotes doubled. Times are ISO-8601 UTC, so that a spreadsheet
 * reads them without knowing the platform's clock.
 */
public final class AuditCsv {
    public static final String HEADER = "id,at,actor,action,conversation_id,target,reason,batch_id";

    private AuditCsv() {
    }

    public static String of(AuditLog log) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        log.forEach(e -> row(out, e));
        return out.toString();
    }

    static void row(StringBuilder out, AuditEntry e) {
        out.append(e.id()).append(',')
                .append(Instant.ofEpochMilli(e.at())).append(',')
                .append(field(e.actor())).append(',')
                .append(e.action().name().toLowerCase(Locale.ROOT)).append(',')
                .append(field(e.conversationId())).append(',')
                .append(field(e.target())).append(',')
                .append(field(e.reason())).append(',')
                .append(field(e.batchId())).append("\r\n");
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        // A leading = + - @ would make a spreadsheet run the cell as a formula.
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
