package dev.holdfast.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.protocol.supervision.AuditAction;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCsvTest {
    @TempDir
    Path dir;

    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBeAndFormulasAreDefused() {
        assertThat(AuditCsv.field(null)).isEmpty();
        assertThat(AuditCsv.field("plain")).isEqualTo("plain");
        assertThat(AuditCsv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.field("=HYPERLINK(1)")).isEqualTo("'=HYPERLINK(1)");
        assertThat(AuditCsv.field("-1,2")).isEqualTo("\"'-1,2\"");
        assertThat(AuditCsv.field("señor")).isEqualTo("señor");
    }

    @Test
    void theWholeLogHasAHeaderAndOneCrlfRowPerEntryOldestFirst() {
        MemoryAuditLog log = new MemoryAuditLog();
        log.record(0, "sam", AuditAction.CLOSE, "c-1", "ann", "stale, after the outage", "b-1");
        log.record(1000, "policy:agent-inactivity", AuditAction.SIGN_OFF, null, "ann", "no action", null);
        assertThat(AuditCsv.of(log)).isEqualTo(AuditCsv.HEADER + "\r\n"
                + "1,1970-01-01T00:00:00Z,sam,close,c-1,ann,\"stale, after the outage\",b-1\r\n"
                + "2,1970-01-01T00:00:01Z,policy:agent-inactivity,sign_off,,ann,no action,\r\n");
    }

    @Test
    void bothLogsPageNewestFirstAndTheSqliteOneOutlivesItsConnection() {
        for (AuditLog log : List.of(new MemoryAuditLog(), new SqliteAuditLog(dir.resolve("audit.db")))) {
            for (int i = 1; i <= 5; i++) {
                log.record(i, "sam", AuditAction.REASSIGN, "c-" + i, "bo", null, null);
            }
            assertThat(log.page(null, 2)).extracting(e -> e.conversationId()).containsExactly("c-5", "c-4");
            assertThat(log.page(4L, 2)).extracting(e -> e.conversationId()).containsExactly("c-3", "c-2");
            assertThat(log.page(2L, 10)).extracting(e -> e.conversationId()).containsExactly("c-1");
            log.close();
        }
        try (SqliteAuditLog reopened = new SqliteAuditLog(dir.resolve("audit.db"))) {
            assertThat(reopened.page(null, 10)).hasSize(5);
            assertThat(reopened.record(9, "sam", AuditAction.CLOSE, "c-9", null, "r", null).id()).isEqualTo(6);
        }
    }
}
