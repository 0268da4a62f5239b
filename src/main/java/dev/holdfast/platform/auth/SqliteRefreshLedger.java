package dev.holdfast.platform.auth;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * A ledger in a SQLite file, so that reuse detection and sign-outs survive a restart. It opens
 * its own connection and may share the file with other tables; WAL mode and a busy timeout let
 * the connections take turns. Calls are serialized on the one connection.
 */
public final class SqliteRefreshLedger implements RefreshLedger, AutoCloseable {
    private final Path file;
    private final Connection connection;

    public SqliteRefreshLedger(Path databaseFile) {
        this.file = databaseFile;
        try {
            Path dir = databaseFile.toAbsolutePath().getParent();
            if (dir != null) {
                PrivateFiles.createDirectories(dir);
            }
            this.connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("CREATE TABLE IF NOT EXISTS refresh_families ("
                        + " family TEXT PRIMARY KEY,"
                        + " generation INTEGER NOT NULL,"
                        + " revoked INTEGER NOT NULL DEFAULT 0,"
                        + " expires_at INTEGER NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS refresh_families_expiry ON refresh_families (expires_at)");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot open refresh ledger " + databaseFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean start(String family, long generation, long expiresAt) {
        return update("INSERT OR IGNORE INTO refresh_families (family, generation, revoked, expires_at)"
                + " VALUES (?, ?, 0, ?)", family, generation, expiresAt) == 1;
    }

    @Override
    public synchronized OptionalLong generation(String family) {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT generation FROM refresh_families WHERE family = ?")) {
            s.setString(1, family);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public synchronized boolean advance(String family, long expected, long next, long expiresAt) {
        return update("UPDATE refresh_families SET generation = ?, expires_at = MAX(expires_at, ?)"
                + " WHERE family = ? AND generation = ? AND revoked = 0", next, expiresAt, family, expected) == 1;
    }

    @Override
    public synchronized void revoke(String family, long expiresAt) {
        update("INSERT INTO refresh_families (family, generation, revoked, expires_at) VALUES (?, 0, 1, ?)"
                + " ON CONFLICT (family) DO UPDATE SET revoked = 1,"
                + " expires_at = MAX(expires_at, excluded.expires_at)", family, expiresAt);
    }

    @Override
    public synchronized boolean isRevoked(String family) {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT revoked FROM refresh_families WHERE family = ?")) {
            s.setString(1, family);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() && rows.getInt(1) != 0;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public synchronized int forgetExpired(long now) {
        return update("DELETE FROM refresh_families WHERE expires_at < ?", now);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private IllegalStateException failure(SQLException e) {
        return new IllegalStateException("refresh ledger " + file + ": " + e.getMessage(), e);
    }
}
