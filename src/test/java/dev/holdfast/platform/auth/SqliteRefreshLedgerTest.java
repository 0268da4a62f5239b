package dev.holdfast.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRefreshLedgerTest extends RefreshLedgerContract {
    @TempDir
    Path dir;
    private Path file;
    private SqliteRefreshLedger ledger;

    @BeforeEach
    void open() {
        file = dir.resolve("store/holdfast.db");
        ledger = new SqliteRefreshLedger(file);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Override
    protected RefreshLedger ledger() {
        return ledger;
    }

    @Test
    void survivesARestart() {
        ledger.start("live", 1, 1_000);
        ledger.advance("live", 1, 2, 1_000);
        ledger.start("gone", 3, 1_000);
        ledger.revoke("gone", 1_000);
        ledger.close();

        ledger = new SqliteRefreshLedger(file);

        assertThat(ledger.generation("live")).isEqualTo(OptionalLong.of(2));
        assertThat(ledger.isRevoked("live")).isFalse();
        assertThat(ledger.isRevoked("gone")).isTrue();
        assertThat(ledger.advance("live", 2, 3, 1_000)).isTrue();
    }

    @Test
    void usesWalModeAndItsOwnTableInASharedFile() throws Exception {
        assertThat(Files.exists(file)).isTrue();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = other.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS conversations (id TEXT PRIMARY KEY)");
            try (ResultSet mode = s.executeQuery("PRAGMA journal_mode")) {
                assertThat(mode.next()).isTrue();
                assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
            }
            ledger.start("f", 1, 100);
            try (ResultSet rows = s.executeQuery("SELECT family, generation, revoked, expires_at FROM refresh_families")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("f");
                assertThat(rows.getLong(2)).isEqualTo(1);
                assertThat(rows.getInt(3)).isZero();
                assertThat(rows.getLong(4)).isEqualTo(100);
            }
        }
    }

    @Test
    void reportsAFileItCannotOpen() throws Exception {
        Path notADatabase = Files.writeString(dir.resolve("junk.db"), "this is not a database, just text".repeat(200));

        assertThatThrownBy(() -> new SqliteRefreshLedger(notADatabase).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot open refresh ledger " + notADatabase);
    }
}
