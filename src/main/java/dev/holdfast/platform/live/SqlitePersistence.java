package dev.holdfast.platform.live;

import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.Wire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The durable store: every change is written through to one SQLite file (WAL,
 * synchronous=FULL) and the live state is rebuilt on start by replaying the events. Events
 * are stored as their wire JSON, so the file holds exactly what clients were sent.
 */
public final class SqlitePersistence implements Persistence {
    private static final int SCHEMA_VERSION = 1;

    private final Path file;
    private final Connection db;

    public SqlitePersistence(Path file) throws StoreException {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            // Check the version before any pragma: switching to WAL rewrites the file header.
            refuseNewer();
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA foreign_keys=ON");
            }
            migrate();
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the platform store " + file + ": " + e.getMessage(), e);
        }
    }

    private int schemaVersion() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private void refuseNewer() throws SQLException, StoreException {
        int version = schemaVersion();
        if (version > SCHEMA_VERSION) {
            db.close();
            throw new StoreException("the platform store " + file + " was written by a newer Holdfast (schema "
                    + version + ", this one knows " + SCHEMA_VERSION + "); refusing to touch it", null);
        }
    }

    private void migrate() throws SQLException {
        if (schemaVersion() == SCHEMA_VERSION) {
            return;
        }
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS events (conversation_id TEXT NOT NULL, seq INTEGER NOT NULL,"
                    + " id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (conversation_id, seq))");
            s.execute("CREATE TABLE IF NOT EXISTS conversations (conversation_id TEXT PRIMARY KEY, json TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS pending (conversation_id TEXT NOT NULL, pending_id TEXT NOT NULL,"
                    + " position INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (conversation_id, pending_id))");
            s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    @Override
    public String kind() {
        return "sqlite";
    }

    @Override
    public synchronized Snapshot load() {
        try {
            String epoch = null;
            try (PreparedStatement ps = db.prepareStatement("SELECT value FROM meta WHERE key = 'epoch'");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    epoch = rs.getString(1);
                }
            }
            Map<String, List<ConversationEvent>> events = new LinkedHashMap<>();
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT conversation_id, json FROM events ORDER BY conversation_id, seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(Wire.decode(rs.getString(2), ConversationEvent.class));
                }
            }
            Map<String, ConversationMeta> metas = new LinkedHashMap<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT conversation_id, json FROM conversations");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    metas.put(rs.getString(1), Wire.decode(rs.getString(2), ConversationMeta.class));
                }
            }
            Map<String, List<PendingMessage>> pending = new LinkedHashMap<>();
            try (PreparedStatement ps = db.prepareStatement(
                    "SELECT conversation_id, json FROM pending ORDER BY conversation_id, position");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    pending.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(Wire.decode(rs.getString(2), PendingMessage.class));
                }
            }
            return new Snapshot(epoch, events, metas, pending);
        } catch (SQLException e) {
            throw new StoreException.Unchecked("cannot read the platform store " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void saveEpoch(String epoch) {
        update("INSERT INTO meta (key, value) VALUES ('epoch', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                epoch);
    }

    @Override
    public synchronized void appendEvent(ConversationEvent event) {
        update("INSERT INTO events (conversation_id, seq, id, json) VALUES (?, ?, ?, ?)",
                event.conversationId(), event.seq(), event.id(), Wire.encode(event));
    }

    @Override
    public synchronized void replaceConversation(String conversationId, List<ConversationEvent> events,
                                                 ConversationMeta meta) {
        inTransaction(() -> {
            try (PreparedStatement del = db.prepareStatement("DELETE FROM events WHERE conversation_id = ?")) {
                del.setString(1, conversationId);
                del.executeUpdate();
            }
            try (PreparedStatement ins = db.prepareStatement(
                    "INSERT INTO events (conversation_id, seq, id, json) VALUES (?, ?, ?, ?)")) {
                for (ConversationEvent e : events) {
                    ins.setString(1, conversationId);
                    ins.setLong(2, e.seq());
                    ins.setString(3, e.id());
                    ins.setString(4, Wire.encode(e));
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            writeMeta(conversationId, meta);
            try (PreparedStatement del = db.prepareStatement("DELETE FROM pending WHERE conversation_id = ?")) {
                del.setString(1, conversationId);
                del.executeUpdate();
            }
        });
    }

    @Override
    public synchronized void saveMeta(String conversationId, ConversationMeta meta) {
        inTransaction(() -> writeMeta(conversationId, meta));
    }

    private void writeMeta(String conversationId, ConversationMeta meta) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO conversations (conversation_id, json) VALUES (?, ?)"
                + " ON CONFLICT(conversation_id) DO UPDATE SET json = excluded.json")) {
            ps.setString(1, conversationId);
            ps.setString(2, Wire.encode(meta));
            ps.executeUpdate();
        }
    }

    @Override
    public synchronized void savePending(String conversationId, PendingMessage message) {
        update("INSERT INTO pending (conversation_id, pending_id, position, json) VALUES (?, ?,"
                        + " (SELECT COALESCE(MAX(position), 0) + 1 FROM pending WHERE conversation_id = ?), ?)",
                conversationId, message.pendingId(), conversationId, Wire.encode(message));
    }

    @Override
    public synchronized void clearPending(String conversationId) {
        update("DELETE FROM pending WHERE conversation_id = ?", conversationId);
    }

    @Override
    public synchronized void wipe(String newEpoch) {
        inTransaction(() -> {
            try (Statement s = db.createStatement()) {
                s.execute("DELETE FROM events");
                s.execute("DELETE FROM conversations");
                s.execute("DELETE FROM pending");
            }
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO meta (key, value) VALUES ('epoch', ?)"
                    + " ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, newEpoch);
                ps.executeUpdate();
            }
        });
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException.Unchecked("cannot close the platform store " + file, e);
        }
    }

    private void update(String sql, Object... args) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException.Unchecked("cannot write the platform store " + file + ": " + e.getMessage(), e);
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private void inTransaction(SqlWork work) {
        try {
            db.setAutoCommit(false);
            try {
                work.run();
                db.commit();
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException.Unchecked("cannot write the platform store " + file + ": " + e.getMessage(), e);
        }
    }
}
