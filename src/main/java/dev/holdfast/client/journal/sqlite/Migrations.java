package dev.holdfast.client.journal.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The journal's schema as numbered steps. The file's {@code PRAGMA user_version} is the number of
 * the last step applied; each step runs in its own transaction together with the update of
 * {@code user_version}, so a crash or failure leaves the file at the previous step. Steps are
 * never edited once released: a change to the schema is a new step at the end.
 */
final class Migrations {

    /** One step: {@code number} is the user_version it leaves behind. */
    record Step(int number, String description, List<String> statements) {
        Step {
            statements = List.copyOf(statements);
        }
    }

    static final List<Step> STEPS = List.of(
            new Step(1, "meta, conversations, events, outbox, drafts, log", List.of(
                    // device_id, epoch, session_id, refresh_token
                    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    // summary is the ConversationSummary as wire JSON; NULL while only events or outbox
                    // entries of the conversation are held. cursor: see SqliteJournal.recomputeCursor.
                    "CREATE TABLE conversations (id TEXT PRIMARY KEY, summary TEXT,"
                            + " last_activity INTEGER NOT NULL DEFAULT 0, cursor INTEGER NOT NULL DEFAULT 0)",
                    "CREATE INDEX conversations_by_activity ON conversations (last_activity)",
                    // json is the event exactly as Wire.encode wrote it, so a restore can upload it verbatim.
                    "CREATE TABLE events (conversation_id TEXT NOT NULL REFERENCES conversations (id),"
                            + " id TEXT NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL,"
                            + " PRIMARY KEY (conversation_id, id))",
                    "CREATE UNIQUE INDEX events_by_seq ON events (conversation_id, seq)",
                    "CREATE TABLE outbox (position INTEGER PRIMARY KEY AUTOINCREMENT,"
                            + " client_message_id TEXT NOT NULL UNIQUE, conversation_id TEXT NOT NULL,"
                            + " text TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN"
                            + " ('QUEUED', 'SENDING', 'SENT', 'FAILED_WILL_RETRY', 'NEEDS_ACTION')),"
                            + " attempts INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL,"
                            + " next_attempt_at INTEGER NOT NULL, reason TEXT, server_id TEXT,"
                            + " seq INTEGER NOT NULL DEFAULT 0)",
                    "CREATE INDEX outbox_unsent ON outbox (position) WHERE state <> 'SENT'",
                    // Every outbox entry's conversation has a row (a placeholder until its summary comes),
                    // inside the same statement: a message is journaled by one INSERT, one commit.
                    "CREATE TRIGGER outbox_conversation AFTER INSERT ON outbox BEGIN"
                            + " INSERT OR IGNORE INTO conversations (id) VALUES (NEW.conversation_id); END",
                    "CREATE TABLE drafts (conversation_id TEXT PRIMARY KEY, text TEXT NOT NULL,"
                            + " updated_at INTEGER NOT NULL)",
                    "CREATE TABLE log (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,"
                            + " kind TEXT NOT NULL, detail TEXT NOT NULL)")));

    private Migrations() {
    }

    /** The schema version this code writes. */
    static int latest() {
        return STEPS.get(STEPS.size() - 1).number();
    }

    static int userVersion(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Applies the steps above the file's user_version, each in one transaction. The caller has
     * checked that the version is not newer than {@link #latest()}. Returns the version reached.
     */
    static int migrate(Connection db) throws SQLException {
        return migrate(db, STEPS);
    }

    static int migrate(Connection db, List<Step> steps) throws SQLException {
        checkNumbering(steps);
        int version = userVersion(db);
        for (Step step : steps) {
            if (step.number() <= version) {
                continue;
            }
            try (Statement s = db.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    // Another process may have migrated between our check and our lock.
                    if (userVersion(db) >= step.number()) {
                        s.execute("COMMIT");
                        version = userVersion(db);
                        continue;
                    }
                    for (String sql : step.statements()) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + step.number());
                    s.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    try {
                        s.execute("ROLLBACK");
                    } catch (SQLException rollbackFailed) {
                        e.addSuppressed(rollbackFailed);
                    }
                    throw e;
                }
            }
            version = step.number();
        }
        return version;
    }

    /** Steps are numbered 1, 2, 3, … without gaps, so that every file version names exactly one schema. */
    static void checkNumbering(List<Step> steps) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).number() != i + 1) {
                throw new IllegalStateException("migration step " + (i + 1) + " is numbered " + steps.get(i).number());
            }
        }
    }
}
