package dev.holdfast.client.journal.sqlite;

import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.Wire;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What can still be read from a damaged journal, read best-effort through a read-only connection:
 * every table is scanned on its own, a scan that hits damage keeps the rows it read before, and a
 * row that does not read or decode is skipped. Nothing here throws; {@link #problems} says what failed.
 * Used on one thread, during {@link SqliteJournal#open}.
 */
final class Salvage {
    static final Set<String> META_KEYS = Set.of(SqliteJournal.DEVICE_ID, SqliteJournal.EPOCH,
            SqliteJournal.SESSION_ID, SqliteJournal.REFRESH_TOKEN);

    record OutboxRow(String clientMessageId, String conversationId, String text, String state, int attempts,
                     long createdAt, long nextAttemptAt, String reason) {
    }

    record ConversationRow(String id, String summaryJson, long lastActivity) {
    }

    record EventRow(String id, long seq, String json) {
    }

    record DraftRow(String conversationId, String text, long updatedAt) {
    }

    final Map<String, String> meta = new LinkedHashMap<>();
    final Map<String, ConversationRow> conversations = new LinkedHashMap<>();
    /** Conversation id to its events by seq. */
    final Map<String, TreeMap<Long, EventRow>> events = new LinkedHashMap<>();
    /** Unsent entries by client message id, in position order. */
    final Map<String, OutboxRow> outbox = new LinkedHashMap<>();
    final Map<String, DraftRow> drafts = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private Salvage() {
    }

    static Salvage read(Path damaged) {
        Salvage salvage = new Salvage();
        try (Connection db = SqliteJournal.connect(damaged, true)) {
            salvage.readAll(db);
        } catch (SQLException | RuntimeException e) {
            salvage.problems.add("cannot open the damaged file: " + e.getMessage());
        }
        return salvage;
    }

    private void readAll(Connection db) {
        scan(db, "meta", "SELECT key, value FROM meta", rs -> {
            String key = rs.getString(1);
            String value = rs.getString(2);
            if (META_KEYS.contains(key) && value != null && !value.isBlank()) {
                meta.putIfAbsent(key, value);
            }
        });
        RowReader outboxRow = rs -> {
            OutboxRow row = new OutboxRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getInt(5), rs.getLong(6), rs.getLong(7), rs.getString(8));
            if (row.clientMessageId() != null && row.conversationId() != null && row.text() != null
                    && isUnsentState(row.state())) {
                outbox.putIfAbsent(row.clientMessageId(), row);
            }
        };
        String outboxColumns = "client_message_id, conversation_id, text, state, attempts, created_at,"
                + " next_attempt_at, reason";
        scan(db, "outbox", "SELECT " + outboxColumns + " FROM outbox WHERE state <> 'SENT' ORDER BY position",
                outboxRow);
        // Again without the index, in case only the index was damaged; rows already read are kept once.
        scan(db, "outbox (table scan)", "SELECT " + outboxColumns + " FROM outbox NOT INDEXED"
                + " WHERE state <> 'SENT' ORDER BY position", outboxRow);
        scan(db, "drafts", "SELECT conversation_id, text, updated_at FROM drafts", rs -> {
            DraftRow row = new DraftRow(rs.getString(1), rs.getString(2), rs.getLong(3));
            if (row.conversationId() != null && row.text() != null) {
                drafts.putIfAbsent(row.conversationId(), row);
            }
        });
        scan(db, "conversations", "SELECT id, summary, last_activity FROM conversations", rs -> {
            String id = rs.getString(1);
            String summary = rs.getString(2);
            if (id != null) {
                conversations.putIfAbsent(id, new ConversationRow(id, validSummary(id, summary), rs.getLong(3)));
            }
        });
        RowReader eventRow = rs -> {
            String conversationId = rs.getString(1);
            EventRow row = new EventRow(rs.getString(2), rs.getLong(3), rs.getString(4));
            if (conversationId != null && validEvent(conversationId, row)) {
                events.computeIfAbsent(conversationId, k -> new TreeMap<>()).putIfAbsent(row.seq(), row);
            }
        };
        scan(db, "events (table scan)", "SELECT conversation_id, id, seq, json FROM events NOT INDEXED", eventRow);
        for (String conversationId : new ArrayList<>(conversations.keySet())) {
            scan(db, "events of " + conversationId, "SELECT conversation_id, id, seq, json FROM events"
                    + " WHERE conversation_id = ? ORDER BY seq", eventRow, conversationId);
        }
    }

    private void scan(Connection db, String what, String sql, RowReader reader, String... params) {
        int skipped = 0;
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        reader.read(rs);
                    } catch (SQLException | RuntimeException rowFailed) {
                        skipped++;
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            problems.add(what + ": " + e.getMessage());
        }
        if (skipped > 0) {
            problems.add(what + ": skipped " + skipped + " unreadable rows");
        }
    }

    private static boolean isUnsentState(String state) {
        return "QUEUED".equals(state) || "SENDING".equals(state) || "FAILED_WILL_RETRY".equals(state)
                || "NEEDS_ACTION".equals(state);
    }

    /** The summary JSON if it decodes to this conversation, else null (the row is kept as a placeholder). */
    private static String validSummary(String id, String json) {
        if (json == null) {
            return null;
        }
        try {
            return Wire.decode(json, ConversationSummary.class).id().equals(id) ? json : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean validEvent(String conversationId, EventRow row) {
        if (row.id() == null || row.json() == null) {
            return false;
        }
        try {
            ConversationEvent event = Wire.decode(row.json(), ConversationEvent.class);
            return event.conversationId().equals(conversationId) && event.id().equals(row.id())
                    && event.seq() == row.seq();
        } catch (RuntimeException e) {
            return false;
        }
    }

    int eventCount() {
        return events.values().stream().mapToInt(Map::size).sum();
    }
}
