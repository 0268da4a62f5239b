package dev.holdfast.platform.audit;

import dev.holdfast.protocol.supervision.AuditAction;
import dev.holdfast.protocol.supervision.AuditEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The audit log in its own SQLite file in the platform directory, next to the key file: a wipe
 * of the live store never touches it, and it outlives restarts. Written with
 * {@code synchronous=FULL} so that an acknowledged action is on disk. Calls are serialized on
 * the one connection (this object's monitor).
 */
public final class SqliteAuditLog implements AuditLog {
    private final Path file;
    private final Connection connection;

    public SqliteAuditLog(Path databaseFile) {
        this.file = databaseFile;
        try {
            Path dir = databaseFile.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("CREATE TABLE IF NOT EXISTS audit ("
                        + " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " at INTEGER NOT NULL,"
                        + " actor TEXT NOT NULL,"
                        + " action TEXT NOT NULL,"
                        + " conversation_id TEXT,"
                        + " target TEXT,"
                        + " reason TEXT,"
                        + " batch_id TEXT)");
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot open audit log " + databaseFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized AuditEntry record(long at, String actor, AuditAction action, String conversationId,
                                          String target, String reason, String batchId) {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO audit"
                + " (at, actor, action, conversation_id, target, reason, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, at);
            s.setString(2, actor);
            s.setString(3, action.name());
            s.setString(4, conversationId);
            s.setString(5, target);
            s.setString(6, reason);
            s.setString(7, batchId);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new AuditEntry(keys.getLong(1), at, actor, action, conversationId, target, reason, batchId);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public synchronized List<AuditEntry> page(Long before, int limit) {
        try (PreparedStatement s = connection.prepareStatement("SELECT id, at, actor, action, conversation_id,"
                + " target, reason, batch_id FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?")) {
            s.setLong(1, before == null ? Long.MAX_VALUE : before);
            s.setInt(2, limit);
            List<AuditEntry> out = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    out.add(entry(rows));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public synchronized void forEach(Consumer<AuditEntry> sink) {
        try (PreparedStatement s = connection.prepareStatement("SELECT id, at, actor, action, conversation_id,"
                + " target, reason, batch_id FROM audit ORDER BY id");
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                sink.accept(entry(rows));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static AuditEntry entry(ResultSet rows) throws SQLException {
        return new AuditEntry(rows.getLong(1), rows.getLong(2), rows.getString(3),
                AuditAction.valueOf(rows.getString(4).toUpperCase(Locale.ROOT)), rows.getString(5), rows.getString(6),
                rows.getString(7), rows.getString(8));
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private IllegalStateException failure(SQLException e) {
        return new IllegalStateException("audit log " + file + ": " + e.getMessage(), e);
    }
}
