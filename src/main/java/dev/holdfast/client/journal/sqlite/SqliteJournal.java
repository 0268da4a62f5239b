package dev.holdfast.client.journal.sqlite;

import dev.holdfast.client.common.OwnerOnlyFiles;
import dev.holdfast.client.common.UuidV7;
import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.IntegrityReport;
import dev.holdfast.client.journal.Journal;
import dev.holdfast.client.journal.Journal.CursorMove;
import dev.holdfast.client.journal.Journal.EventBatch;
import dev.holdfast.client.journal.JournalException;
import dev.holdfast.client.journal.JournalExport;
import dev.holdfast.client.journal.JournalRecovery;
import dev.holdfast.client.journal.LogEntry;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.Wire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The journal in one SQLite file (schema: {@link Migrations}).
 *
 * <ul>
 *   <li><b>Durability.</b> WAL with {@code synchronous=FULL}: every write is one transaction whose
 *       commit is synced to disk before the method returns.</li>
 *   <li><b>Threads.</b> One writer: every write runs under {@link #writeLock} on the one read-write
 *       connection. Reads run on read-only connections from a small pool, one connection per
 *       reading thread at a time, so they neither wait for the writer nor block it (WAL).</li>
 *   <li><b>Privacy.</b> The file is created 0600 before SQLite writes to it; an existing file and
 *       its -wal/-shm files are tightened to 0600.</li>
 *   <li><b>Opening.</b> The schema version is read and the file checked ({@code quick_check})
 *       through a read-only connection before anything writes to it. A newer schema is refused
 *       with TOO_NEW and the file is left untouched. A file that is not a database or is damaged
 *       is moved aside (never deleted), a fresh journal is made, and what can still be read is
 *       carried over; {@link #recovery()} tells what happened.</li>
 *   <li><b>Errors.</b> A full disk, an I/O error or a read-only file is a
 *       {@link JournalException.Kind#STORAGE_UNAVAILABLE} naming the file; the failed transaction is
 *       rolled back, everything committed before stays.</li>
 * </ul>
 */
public final class SqliteJournal implements Journal {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteJournal.class);

    static final String DEVICE_ID = "device_id";
    static final String EPOCH = "epoch";
    static final String SESSION_ID = "session_id";
    static final String REFRESH_TOKEN = "refresh_token";

    static final int BUSY_TIMEOUT_MS = 5_000;
    /** The log keeps this many newest entries; older ones are dropped as new ones are written. */
    static final int MAX_LOG_ENTRIES = 10_000;
    private static final int MAX_IDLE_READERS = 4;
    private static final String[] SIDE_FILE_SUFFIXES = {"-wal", "-shm", "-journal"};
    private static final DateTimeFormatter ASIDE_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String OUTBOX_COLUMNS = "position, client_message_id, conversation_id, text, state,"
            + " attempts, created_at, next_attempt_at, reason, server_id, seq";

    // Set by the constructor and never changed: safe to read from any thread.
    private final Path file;
    private final Clock clock;
    private final String deviceId;
    private final JournalRecovery recovery;

    /** The one writer. Held for every write, and for the reads that decide a write (inside its transaction). */
    private final ReentrantLock writeLock = new ReentrantLock();
    /** The read-write connection. Guarded by {@link #writeLock}. */
    private final Connection writer;
    /** Prepared statements of {@link #writer}, by SQL text. Guarded by {@link #writeLock}. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** Idle read-only connections. Any thread takes one, uses it alone and gives it back. */
    private final ConcurrentLinkedDeque<Connection> idleReaders = new ConcurrentLinkedDeque<>();
    /** Set once by {@link #close()}; checked by every method, from any thread. */
    private volatile boolean closed;
    /** Keeps other processes out while open; set once by {@link #open} before the journal is handed out. */
    private JournalLock lock;

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlRead<T> {
        T run(Connection db) throws SQLException;
    }

    private SqliteJournal(Path file, Clock clock, Connection writer, Salvage salvage, Path movedTo, String damage)
            throws SQLException {
        this.file = file;
        this.clock = clock;
        this.writer = writer;
        this.recovery = salvage == null ? null : carryOver(salvage, movedTo, damage);
        this.deviceId = ensureDeviceId();
    }

    // ---- opening ---------------------------------------------------------------------------

    /**
     * Opens the journal at {@code file}, creating it (and missing directories, 0700) if needed.
     *
     * @throws JournalException TOO_NEW if a newer Holdfast wrote it (the file is not changed),
     *     IN_USE if another Holdfast has it open (nor is it changed), STORAGE_UNAVAILABLE if it
     *     cannot be created, opened or written
     */
    public static SqliteJournal open(Path file, Clock clock) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clock, "clock");
        Path path = file.toAbsolutePath();
        if (path.getParent() != null) {
            try {
                OwnerOnlyFiles.directoryIfMissing(path.getParent());
            } catch (IOException e) {
                throw new JournalException(JournalException.Kind.STORAGE_UNAVAILABLE, "Cannot open the journal "
                        + path + ": " + e + ". Check that the folder exists, is yours and is writable.", e);
            }
        }
        JournalLock lock = JournalLock.acquire(path);
        try {
            SqliteJournal journal = openUnlocked(path, clock);
            journal.lock = lock;
            return journal;
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static SqliteJournal openUnlocked(Path path, Clock clock) {
        try {
            if (!OwnerOnlyFiles.createFile(path)) {
                tightenAll(path);
                String damage = probe(path);
                if (damage != null) {
                    return rebuild(path, clock, damage);
                }
            }
            return openWriter(path, clock, null, null, null);
        } catch (IOException e) {
            throw new JournalException(JournalException.Kind.STORAGE_UNAVAILABLE, "Cannot open the journal " + path
                    + ": " + e + ". Check that the folder exists, is yours and is writable.", e);
        } catch (SQLException e) {
            throw StorageErrors.translate(path, "open the journal", e);
        }
    }

    /**
     * Reads the schema version and runs quick_check through a read-only connection, so that nothing
     * is written to a file that is too new or damaged. Returns why the file is damaged, or null if
     * it is fine.
     */
    private static String probe(Path path) throws SQLException {
        try (Connection db = connect(path, true)) {
            int version = Migrations.userVersion(db);
            if (version > Migrations.latest()) {
                throw tooNew(path, version);
            }
            List<String> problems = quickCheck(db);
            return problems.isEmpty() ? null : "quick_check: " + String.join("; ", problems);
        } catch (SQLException e) {
            if (StorageErrors.isDamage(e)) {
                return e.getMessage();
            }
            throw e;
        }
    }

    private static JournalException tooNew(Path path, int version) {
        return new JournalException(JournalException.Kind.TOO_NEW, "The journal " + path
                + " was written by a newer Holdfast (schema version " + version + "; this version knows up to "
                + Migrations.latest() + "). It was left untouched: update Holdfast to open it.", null);
    }

    private static List<String> quickCheck(Connection db) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    problems.add(line);
                }
            }
        }
        return problems;
    }

    /** Moves the damaged file aside, makes a fresh journal in its place and carries over what still reads. */
    private static SqliteJournal rebuild(Path path, Clock clock, String damage) throws IOException, SQLException {
        Path movedTo = moveAside(path, clock);
        LOG.warn("Journal {} is damaged ({}); moved it to {} and rebuilding", path, damage, movedTo);
        Salvage salvage = Salvage.read(movedTo);
        if (!salvage.problems.isEmpty()) {
            LOG.warn("Parts of {} could not be read: {}", movedTo, salvage.problems);
        }
        OwnerOnlyFiles.createFile(path);
        return openWriter(path, clock, salvage, movedTo, damage);
    }

    /**
     * Renames the file to {@code <name>.corrupt-<UTC time>} (with -2, -3, … if taken). Its -wal, -shm
     * and -journal files move first, under the same new name, so that SQLite still pairs them with the
     * moved file and never replays an old WAL into the fresh journal.
     */
    private static Path moveAside(Path path, Clock clock) throws IOException {
        String base = path.getFileName() + ".corrupt-" + ASIDE_STAMP.format(clock.instant());
        Path target = path.resolveSibling(base);
        for (int n = 2; takenWithSideFiles(target); n++) {
            target = path.resolveSibling(base + "-" + n);
        }
        for (String suffix : SIDE_FILE_SUFFIXES) {
            Path side = path.resolveSibling(path.getFileName() + suffix);
            if (Files.exists(side)) {
                Files.move(side, target.resolveSibling(target.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static boolean takenWithSideFiles(Path target) {
        if (Files.exists(target)) {
            return true;
        }
        for (String suffix : SIDE_FILE_SUFFIXES) {
            if (Files.exists(target.resolveSibling(target.getFileName() + suffix))) {
                return true;
            }
        }
        return false;
    }

    private static SqliteJournal openWriter(Path path, Clock clock, Salvage salvage, Path movedTo, String damage)
            throws SQLException, IOException {
        Connection db = connect(path, false);
        try {
            // Again on the writer, before any pragma writes: another process may have upgraded it meanwhile.
            int version = Migrations.userVersion(db);
            if (version > Migrations.latest()) {
                throw tooNew(path, version);
            }
            try (Statement s = db.createStatement()) {
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                    String mode = rs.next() ? rs.getString(1) : "";
                    if (!"wal".equalsIgnoreCase(mode)) {
                        throw new JournalException(JournalException.Kind.FAILED, "Cannot open the journal " + path
                                + ": SQLite refused write-ahead logging (journal mode " + mode + ").", null);
                    }
                }
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA foreign_keys = ON");
            }
            Migrations.migrate(db);
            tightenAll(path);
            return new SqliteJournal(path, clock, db, salvage, movedTo, damage);
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                db.close();
            } catch (SQLException closeFailed) {
                e.addSuppressed(closeFailed);
            }
            throw e;
        }
    }

    static Connection connect(Path path, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setReadOnly(readOnly);
        return DriverManager.getConnection("jdbc:sqlite:" + path, config.toProperties());
    }

    private static void tightenAll(Path path) throws IOException {
        OwnerOnlyFiles.tighten(path);
        for (String suffix : SIDE_FILE_SUFFIXES) {
            OwnerOnlyFiles.tighten(path.resolveSibling(path.getFileName() + suffix));
        }
    }

    /** Writes what was salvaged into this fresh journal, in one transaction. */
    private JournalRecovery carryOver(Salvage salvage, Path movedTo, String damage) throws SQLException {
        writeLock.lock();
        try {
            return inTransaction(() -> {
                for (Map.Entry<String, String> meta : salvage.meta.entrySet()) {
                    putMeta(meta.getKey(), meta.getValue());
                }
                int conversations = 0;
                Map<String, Long> lastActivity = new LinkedHashMap<>();
                salvage.conversations.values().forEach(c -> lastActivity.put(c.id(), c.lastActivity()));
                salvage.events.keySet().forEach(id -> lastActivity.putIfAbsent(id, 0L));
                for (Map.Entry<String, Long> c : lastActivity.entrySet()) {
                    Salvage.ConversationRow row = salvage.conversations.get(c.getKey());
                    PreparedStatement ps = prepare("INSERT INTO conversations (id, summary, last_activity, cursor)"
                            + " VALUES (?, ?, ?, 0)");
                    ps.setString(1, c.getKey());
                    ps.setString(2, row == null ? null : row.summaryJson());
                    ps.setLong(3, c.getValue());
                    ps.executeUpdate();
                    conversations++;
                    TreeMap<Long, Salvage.EventRow> events = salvage.events.get(c.getKey());
                    if (events != null) {
                        for (Salvage.EventRow e : events.values()) {
                            upsertEvent(c.getKey(), e.id(), e.seq(), e.json());
                        }
                        PreparedStatement cursor = prepare("UPDATE conversations SET cursor = ? WHERE id = ?");
                        cursor.setLong(1, recomputeCursor(c.getKey(), 0, 0));
                        cursor.setString(2, c.getKey());
                        cursor.executeUpdate();
                    }
                }
                for (Salvage.OutboxRow o : salvage.outbox.values()) {
                    ensureConversation(o.conversationId());
                    PreparedStatement ps = prepare("INSERT INTO outbox (client_message_id, conversation_id, text,"
                            + " state, attempts, created_at, next_attempt_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                    ps.setString(1, o.clientMessageId());
                    ps.setString(2, o.conversationId());
                    ps.setString(3, o.text());
                    ps.setString(4, o.state());
                    ps.setInt(5, o.attempts());
                    ps.setLong(6, o.createdAt());
                    ps.setLong(7, o.nextAttemptAt());
                    ps.setString(8, o.reason());
                    ps.executeUpdate();
                }
                for (Salvage.DraftRow d : salvage.drafts.values()) {
                    PreparedStatement ps = prepare("INSERT INTO drafts (conversation_id, text, updated_at)"
                            + " VALUES (?, ?, ?)");
                    ps.setString(1, d.conversationId());
                    ps.setString(2, d.text());
                    ps.setLong(3, d.updatedAt());
                    ps.executeUpdate();
                }
                JournalRecovery result = new JournalRecovery(movedTo, salvage.outbox.size(), salvage.drafts.size(),
                        conversations, salvage.eventCount(), salvage.meta.containsKey(DEVICE_ID), damage);
                insertLog(clock.millis(), "journal.recovered", "The journal was damaged (" + damage + ") and moved to "
                        + movedTo + "; carried over " + result.carriedOverOutbox() + " unsent messages, "
                        + result.carriedOverDrafts() + " drafts, " + result.carriedOverConversations()
                        + " conversations and " + result.carriedOverEvents() + " events.");
                return result;
            });
        } finally {
            writeLock.unlock();
        }
    }

    private String ensureDeviceId() throws SQLException {
        writeLock.lock();
        try {
            return inTransaction(() -> {
                String existing = getMeta(DEVICE_ID);
                if (existing != null) {
                    return existing;
                }
                String made = UuidV7.next();
                putMeta(DEVICE_ID, made);
                return made;
            });
        } finally {
            writeLock.unlock();
        }
    }

    /** Set when {@link #open} found the file damaged and rebuilt it; the UI tells the user. */
    public Optional<JournalRecovery> recovery() {
        return Optional.ofNullable(recovery);
    }

    /** The journal's file. */
    public Path file() {
        return file;
    }

    // ---- the writer ------------------------------------------------------------------------

    /** Runs {@code work} in one write transaction on the writer, under the write lock. */
    private <T> T write(String action, SqlWork<T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            ensureOpen(); // closed while this thread waited for the lock
            return inTransaction(work);
        } catch (SQLException e) {
            throw StorageErrors.translate(file, action, e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code work}, which must be a single writing statement (its own transaction in autocommit
     * mode, committed and synced when it returns) plus reads, under the write lock.
     */
    private <T> T writeOne(String action, SqlWork<T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            ensureOpen();
            return work.run();
        } catch (SQLException e) {
            throw StorageErrors.translate(file, action, e);
        } finally {
            writeLock.unlock();
        }
    }

    /** BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any failure. The caller holds the write lock. */
    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        prepare("BEGIN IMMEDIATE").execute();
        try {
            T result = work.run();
            prepare("COMMIT").execute();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                prepare("ROLLBACK").execute();
            } catch (SQLException alreadyRolledBack) {
                // SQLite rolls back by itself after some errors (SQLITE_FULL, I/O); nothing is left to undo.
            }
            throw e;
        }
    }

    /** A cached statement of the writer. The caller holds the write lock and sets every parameter. */
    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = writer.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the journal " + file + " is closed");
        }
    }

    // ---- readers ---------------------------------------------------------------------------

    private <T> T read(String action, SqlRead<T> work) {
        ensureOpen();
        Connection db = idleReaders.pollFirst();
        boolean healthy = false;
        try {
            if (db == null) {
                db = connect(file, true);
            }
            T result = work.run(db);
            healthy = true;
            return result;
        } catch (SQLException e) {
            throw StorageErrors.translate(file, action, e);
        } finally {
            if (db != null) {
                giveBack(db, healthy);
            }
        }
    }

    /** A consistent snapshot over several statements: one read transaction. */
    private <T> T readSnapshot(String action, SqlRead<T> work) {
        return read(action, db -> inReadTransaction(db, work));
    }

    private static <T> T inReadTransaction(Connection db, SqlRead<T> work) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("BEGIN");
            try {
                return work.run(db);
            } finally {
                s.execute("COMMIT");
            }
        }
    }

    private void giveBack(Connection db, boolean healthy) {
        if (healthy && !closed && idleReaders.size() < MAX_IDLE_READERS) {
            idleReaders.offerFirst(db);
            // close() may have emptied the pool between the check and the offer: then take it back and close it.
            if (closed && idleReaders.remove(db)) {
                closeQuietly(db);
            }
            return;
        }
        closeQuietly(db);
    }

    private static void closeQuietly(Connection db) {
        try {
            db.close();
        } catch (SQLException e) {
            LOG.debug("closing a journal connection failed", e);
        }
    }

    // ---- identity and credentials ------------------------------------------------------------

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public Optional<String> epoch() {
        return readMeta(EPOCH);
    }

    @Override
    public void saveEpoch(String epoch) {
        requireText(epoch, "epoch");
        write("save the platform epoch", () -> putMeta(EPOCH, epoch));
    }

    @Override
    public Optional<String> sessionId() {
        return readMeta(SESSION_ID);
    }

    @Override
    public void saveSessionId(String sessionId) {
        requireText(sessionId, "sessionId");
        write("save the session id", () -> putMeta(SESSION_ID, sessionId));
    }

    @Override
    public Optional<String> refreshToken() {
        return readMeta(REFRESH_TOKEN);
    }

    @Override
    public void saveRefreshToken(String refreshToken) {
        requireText(refreshToken, "refreshToken");
        write("save the refresh token", () -> putMeta(REFRESH_TOKEN, refreshToken));
    }

    @Override
    public void forgetRefreshToken() {
        write("forget the refresh token", () -> {
            PreparedStatement ps = prepare("DELETE FROM meta WHERE key = ?");
            ps.setString(1, REFRESH_TOKEN);
            return ps.executeUpdate();
        });
    }

    private Optional<String> readMeta(String key) {
        return read("read " + key, db -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private String getMeta(String key) throws SQLException {
        PreparedStatement ps = prepare("SELECT value FROM meta WHERE key = ?");
        ps.setString(1, key);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private Void putMeta(String key, String value) throws SQLException {
        PreparedStatement ps = prepare("INSERT INTO meta (key, value) VALUES (?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        ps.setString(1, key);
        ps.setString(2, value);
        ps.executeUpdate();
        return null;
    }

    // ---- conversations and events ----------------------------------------------------------

    @Override
    public void upsertConversation(ConversationSummary summary) {
        Objects.requireNonNull(summary, "summary");
        String json = Wire.encode(summary);
        write("save conversation " + summary.id(), () -> storeSummary(summary, json));
    }

    @Override
    public void upsertConversations(List<ConversationSummary> summaries) {
        Objects.requireNonNull(summaries, "summaries");
        if (summaries.isEmpty()) {
            return;
        }
        // Encode outside the lock: the writer's critical section is SQL only.
        String[] json = new String[summaries.size()];
        for (int i = 0; i < json.length; i++) {
            json[i] = Wire.encode(Objects.requireNonNull(summaries.get(i), "summary"));
        }
        write("save " + summaries.size() + " conversations", () -> {
            for (int i = 0; i < json.length; i++) {
                storeSummary(summaries.get(i), json[i]);
            }
            return null;
        });
    }

    private int storeSummary(ConversationSummary summary, String json) throws SQLException {
        PreparedStatement ps = prepare("INSERT INTO conversations (id, summary, last_activity, cursor)"
                + " VALUES (?, ?, ?, 0) ON CONFLICT (id) DO UPDATE SET summary = excluded.summary,"
                + " last_activity = MAX(last_activity, excluded.last_activity)");
        ps.setString(1, summary.id());
        ps.setString(2, json);
        ps.setLong(3, summary.lastActivityAt());
        return ps.executeUpdate();
    }

    @Override
    public Optional<ConversationSummary> conversation(String conversationId) {
        requireText(conversationId, "conversationId");
        return read("read conversation " + conversationId, db -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT summary FROM conversations WHERE id = ?")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    String json = rs.next() ? rs.getString(1) : null;
                    return json == null ? Optional.<ConversationSummary>empty()
                            : Optional.of(Wire.decode(json, ConversationSummary.class));
                }
            }
        });
    }

    /** Conversations with a summary, most recent activity first (placeholders are left out). */
    @Override
    public List<ConversationSummary> conversations() {
        return read("read the conversations", db -> {
            List<ConversationSummary> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT summary FROM conversations"
                    + " WHERE summary IS NOT NULL ORDER BY last_activity DESC, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Wire.decode(rs.getString(1), ConversationSummary.class));
                }
            }
            return out;
        });
    }

    /**
     * Stores the events in one transaction. An event replaces whatever the conversation held under
     * the same id (moving it to its new seq) and whatever held its seq under another id (a restore
     * rebase renumbers the platform's tail). A conversation not held yet gets a placeholder row.
     * Returns the cursor after the write (see {@link #recomputeCursor}).
     *
     * @throws IllegalArgumentException if an event belongs to another conversation
     */
    @Override
    public long applyEvents(String conversationId, List<ConversationEvent> events) {
        requireText(conversationId, "conversationId");
        Objects.requireNonNull(events, "events");
        return applyEvents(List.of(new EventBatch(conversationId, events))).get(0).after();
    }

    @Override
    public boolean holdsAtAnotherSeq(String conversationId, List<ConversationEvent> events) {
        requireText(conversationId, "conversationId");
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            return false;
        }
        Map<String, Long> incoming = new HashMap<>();
        events.forEach(e -> incoming.put(e.id(), e.seq()));
        return read("read the events of " + conversationId, db -> {
            String marks = String.join(", ", Collections.nCopies(incoming.size(), "?"));
            try (PreparedStatement ps = db.prepareStatement("SELECT id, seq FROM events WHERE conversation_id = ?"
                    + " AND id IN (" + marks + ")")) {
                ps.setString(1, conversationId);
                int i = 2;
                for (String id : incoming.keySet()) {
                    ps.setString(i++, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getLong(2) != incoming.get(rs.getString(1))) {
                            return true;
                        }
                    }
                }
            }
            return false;
        });
    }

    @Override
    public long replaceHistory(String conversationId, List<ConversationEvent> log) {
        requireText(conversationId, "conversationId");
        Objects.requireNonNull(log, "log");
        String[] json = new String[log.size()];
        long lastSeq = 0;
        for (int i = 0; i < json.length; i++) {
            ConversationEvent event = log.get(i);
            requireSameConversation(conversationId, event);
            json[i] = Wire.encode(event);
            lastSeq = Math.max(lastSeq, event.seq());
        }
        long through = lastSeq;
        return write("replace the events of conversation " + conversationId, () -> {
            ensureConversation(conversationId);
            PreparedStatement drop = prepare("DELETE FROM events WHERE conversation_id = ? AND seq <= ?");
            drop.setString(1, conversationId);
            drop.setLong(2, through);
            drop.executeUpdate();
            for (int i = 0; i < json.length; i++) {
                ConversationEvent event = log.get(i);
                upsertEvent(conversationId, event.id(), event.seq(), json[i]);
            }
            // The log is complete through its last seq (holes included: the platform has nothing there).
            long cursor = recomputeCursor(conversationId, through, 0);
            PreparedStatement ps = prepare("UPDATE conversations SET cursor = ? WHERE id = ?");
            ps.setLong(1, cursor);
            ps.setString(2, conversationId);
            ps.executeUpdate();
            return cursor;
        });
    }

    @Override
    public List<CursorMove> applyEvents(List<EventBatch> batches) {
        Objects.requireNonNull(batches, "batches");
        // Encode outside the lock: the writer's critical section is SQL only.
        String[][] json = new String[batches.size()][];
        long[] activity = new long[batches.size()];
        for (int b = 0; b < json.length; b++) {
            EventBatch batch = Objects.requireNonNull(batches.get(b), "batch");
            requireText(batch.conversationId(), "conversationId");
            Objects.requireNonNull(batch.events(), "events");
            json[b] = new String[batch.events().size()];
            for (int i = 0; i < json[b].length; i++) {
                ConversationEvent event = batch.events().get(i);
                requireSameConversation(batch.conversationId(), event);
                json[b][i] = Wire.encode(event);
                activity[b] = Math.max(activity[b], event.at());
            }
        }
        if (json.length == 0) {
            return List.of();
        }
        return write("save the events of " + json.length + " batches", () -> {
            List<CursorMove> moves = new ArrayList<>(json.length);
            for (int b = 0; b < json.length; b++) {
                EventBatch batch = batches.get(b);
                moves.add(storeEventsMoving(batch.conversationId(), batch.events(), json[b], activity[b]));
            }
            return List.copyOf(moves);
        });
    }

    private long storeEvents(String conversationId, List<ConversationEvent> events, String[] json, long lastActivity)
            throws SQLException {
        return storeEventsMoving(conversationId, events, json, lastActivity).after();
    }

    private CursorMove storeEventsMoving(String conversationId, List<ConversationEvent> events, String[] json,
                                        long lastActivity) throws SQLException {
        PreparedStatement current = prepare("SELECT cursor, last_activity FROM conversations WHERE id = ?");
        current.setString(1, conversationId);
        long previous = 0;
        long previousActivity = 0;
        boolean held;
        try (ResultSet rs = current.executeQuery()) {
            held = rs.next();
            if (held) {
                previous = rs.getLong(1);
                previousActivity = rs.getLong(2);
            }
        }
        if (!held) {
            ensureConversation(conversationId);
        }
        PreparedStatement upsert = prepare("INSERT OR REPLACE INTO events (conversation_id, id, seq, json)"
                + " VALUES (?, ?, ?, ?)");
        upsert.clearBatch(); // nothing left over from a batch that failed
        for (int i = 0; i < json.length; i++) {
            ConversationEvent event = events.get(i);
            upsert.setString(1, conversationId);
            upsert.setString(2, event.id());
            upsert.setLong(3, event.seq());
            upsert.setString(4, json[i]);
            upsert.addBatch();
        }
        if (json.length > 0) {
            upsert.executeBatch(); // one call for the whole batch: half the time of a call per event
        }
        long top = 0;
        for (ConversationEvent event : events) {
            top = Math.max(top, event.seq());
        }
        long cursor = events.isEmpty() ? previous : recomputeCursor(conversationId, previous, top);
        if (cursor != previous || lastActivity > previousActivity) {
            PreparedStatement update = prepare("UPDATE conversations SET cursor = ?, last_activity = ? WHERE id = ?");
            update.setLong(1, cursor);
            update.setLong(2, Math.max(lastActivity, previousActivity));
            update.setString(3, conversationId);
            update.executeUpdate();
        }
        return new CursorMove(previous, cursor);
    }

    private void upsertEvent(String conversationId, String id, long seq, String json) throws SQLException {
        PreparedStatement upsert = prepare("INSERT OR REPLACE INTO events (conversation_id, id, seq, json)"
                + " VALUES (?, ?, ?, ?)");
        upsert.setString(1, conversationId);
        upsert.setString(2, id);
        upsert.setLong(3, seq);
        upsert.setString(4, json);
        upsert.executeUpdate();
    }

    /**
     * Makes sure the conversation has a row: a placeholder without summary if it is new. A row that
     * exists is not touched, so that no page is written for nothing.
     */
    private void ensureConversation(String conversationId) throws SQLException {
        PreparedStatement ps = prepare("INSERT INTO conversations (id, last_activity, cursor) VALUES (?, 0, 0)"
                + " ON CONFLICT (id) DO NOTHING");
        ps.setString(1, conversationId);
        ps.executeUpdate();
    }

    /**
     * The cursor rule (protocol §5.3): the highest seq such that every seq from the start up to it
     * is held.
     *
     * <ul>
     *   <li>The start is {@code previous + 1}, where {@code previous} is the cursor before this write.
     *       A hole after the start is a gap: the cursor stops before it, so that the sync layer
     *       backfills from the cursor.</li>
     *   <li>But when the conversation holds nothing at or below {@code previous + 1} — its history
     *       starts later, e.g. a {@code conversation} frame with only the last 100 events, or a
     *       platform that no longer holds the beginning — the start is the lowest seq held.</li>
     *   <li>The cursor never moves back: an event moved or replaced at or below it (a restore
     *       rebase) does not lower it.</li>
     * </ul>
     */
    private long recomputeCursor(String conversationId, long previous, long batchTop) throws SQLException {
        PreparedStatement lowestHeld = prepare("SELECT MIN(seq) FROM events WHERE conversation_id = ?");
        lowestHeld.setString(1, conversationId);
        long lowest;
        try (ResultSet rs = lowestHeld.executeQuery()) {
            rs.next();
            lowest = rs.getLong(1);
            if (rs.wasNull()) {
                return previous;
            }
        }
        long start = lowest > previous + 1 ? lowest : previous + 1;
        long from = start - 1;
        if (batchTop >= start) {
            // Usually the batch just written continues the run: one count over the index confirms that
            // every seq from start to the batch's highest is held (seqs are unique per conversation).
            PreparedStatement count = prepare("SELECT COUNT(*) FROM events WHERE conversation_id = ?"
                    + " AND seq BETWEEN ? AND ?");
            count.setString(1, conversationId);
            count.setLong(2, start);
            count.setLong(3, batchTop);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                if (rs.getLong(1) == batchTop - start + 1) {
                    from = batchTop;
                }
            }
        }
        // Walk up from there, one index probe at a time inside SQLite, to the last seq before the first hole.
        PreparedStatement run = prepare("WITH RECURSIVE run (s) AS (SELECT ?1 UNION ALL SELECT s + 1 FROM run"
                + " WHERE EXISTS (SELECT 1 FROM events WHERE conversation_id = ?2 AND seq = s + 1))"
                + " SELECT MAX(s) FROM run");
        run.setLong(1, from);
        run.setString(2, conversationId);
        long cursor;
        try (ResultSet rs = run.executeQuery()) {
            rs.next();
            cursor = rs.getLong(1);
        }
        return Math.max(previous, cursor);
    }

    @Override
    public long cursor(String conversationId) {
        requireText(conversationId, "conversationId");
        return read("read the cursor of " + conversationId, db -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT cursor FROM conversations WHERE id = ?")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public Map<String, Long> cursors() {
        return read("read the cursors", db -> {
            Map<String, Long> out = new HashMap<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT id, cursor FROM conversations");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return Collections.unmodifiableMap(out);
        });
    }

    @Override
    public List<ConversationEvent> events(String conversationId, long afterSeq, int limit) {
        requireText(conversationId, "conversationId");
        requirePositive(limit);
        return read("read the events of " + conversationId, db -> queryEvents(db,
                "SELECT json FROM events WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                conversationId, afterSeq, limit));
    }

    @Override
    public List<ConversationEvent> eventsBefore(String conversationId, long beforeSeq, int limit) {
        requireText(conversationId, "conversationId");
        requirePositive(limit);
        return read("read the events of " + conversationId, db -> {
            List<ConversationEvent> newestFirst = queryEvents(db,
                    "SELECT json FROM events WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
                    conversationId, beforeSeq, limit);
            Collections.reverse(newestFirst);
            return newestFirst;
        });
    }

    @Override
    public List<ConversationEvent> allEvents(String conversationId) {
        requireText(conversationId, "conversationId");
        return read("read the events of " + conversationId, db -> allEvents(db, conversationId));
    }

    private static List<ConversationEvent> allEvents(Connection db, String conversationId) throws SQLException {
        return queryEvents(db, "SELECT json FROM events WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                conversationId, Long.MIN_VALUE, -1);
    }

    private static List<ConversationEvent> queryEvents(Connection db, String sql, String conversationId, long seq,
                                                       int limit) throws SQLException {
        List<ConversationEvent> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, conversationId);
            ps.setLong(2, seq);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Wire.decode(rs.getString(1), ConversationEvent.class));
                }
            }
        }
        return out;
    }

    // ---- outbox ----------------------------------------------------------------------------

    /**
     * Journals a new message as QUEUED with a fresh UUIDv7, after every other entry; synced to disk
     * when this returns. A conversation not held yet gets a placeholder row.
     *
     * @throws IllegalArgumentException if the text is blank or longer than the protocol allows
     */
    @Override
    public OutboxEntry enqueue(String conversationId, String text, long now) {
        requireText(conversationId, "conversationId");
        requireText(text, "text");
        if (text.length() > Limits.MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("the message is longer than " + Limits.MAX_TEXT_CHARS + " characters");
        }
        String clientMessageId = UuidV7.next();
        // One statement in autocommit: it returns once the commit is synced (a failed commit is an
        // error of this statement). The outbox_conversation trigger adds a placeholder conversation.
        long position = writeOne("save the message", () -> {
            PreparedStatement ps = prepare("INSERT INTO outbox (client_message_id, conversation_id, text, state,"
                    + " attempts, created_at, next_attempt_at) VALUES (?, ?, ?, 'QUEUED', 0, ?, ?)");
            ps.setString(1, clientMessageId);
            ps.setString(2, conversationId);
            ps.setString(3, text);
            ps.setLong(4, now);
            ps.setLong(5, now);
            ps.executeUpdate();
            try (ResultSet rs = prepare("SELECT last_insert_rowid()").executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return new OutboxEntry(position, clientMessageId, conversationId, text, DeliveryState.QUEUED, 0, now, now,
                null, null, 0);
    }

    @Override
    public Optional<OutboxEntry> outboxEntry(String clientMessageId) {
        requireText(clientMessageId, "clientMessageId");
        return read("read message " + clientMessageId, db -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT " + OUTBOX_COLUMNS
                    + " FROM outbox WHERE client_message_id = ?")) {
                ps.setString(1, clientMessageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(outboxEntry(rs)) : Optional.<OutboxEntry>empty();
                }
            }
        });
    }

    @Override
    public List<OutboxEntry> pending() {
        return read("read the unsent messages", db -> queryOutbox(db, "SELECT " + OUTBOX_COLUMNS
                + " FROM outbox WHERE state <> 'SENT' ORDER BY position"));
    }

    private static List<OutboxEntry> queryOutbox(Connection db, String sql) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(outboxEntry(rs));
            }
        }
        return out;
    }

    private static OutboxEntry outboxEntry(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                DeliveryState.valueOf(rs.getString(5)), rs.getInt(6), rs.getLong(7), rs.getLong(8),
                rs.getString(9), rs.getString(10), rs.getLong(11));
    }

    /**
     * Marks an unsent entry as handed to the socket and counts the attempt.
     *
     * @throws IllegalStateException if it was sent, or needs the user's action (requeue it first)
     */
    @Override
    public void markSending(String clientMessageId) {
        write("mark message " + clientMessageId + " as sending", () -> {
            DeliveryState state = requireUnsent(clientMessageId, "send");
            if (state == DeliveryState.NEEDS_ACTION) {
                throw new IllegalStateException("message " + clientMessageId
                        + " needs the user's action; requeue it before sending");
            }
            PreparedStatement ps = prepare("UPDATE outbox SET state = 'SENDING', attempts = attempts + 1"
                    + " WHERE client_message_id = ?");
            ps.setString(1, clientMessageId);
            return ps.executeUpdate();
        });
    }

    /**
     * Stores the acknowledged event (as {@link #applyEvents} would) and marks the entry SENT with its
     * server id and seq, in one transaction. Repeating it for an entry already SENT is harmless.
     *
     * @throws IllegalArgumentException if no such entry exists (nothing is written), or the event is of
     *     another conversation or another client message id
     */
    @Override
    public void markSent(String clientMessageId, ConversationEvent acknowledged) {
        requireText(clientMessageId, "clientMessageId");
        Objects.requireNonNull(acknowledged, "acknowledged");
        if (acknowledged.clientMessageId() != null && !acknowledged.clientMessageId().equals(clientMessageId)) {
            throw new IllegalArgumentException("the acknowledged event " + acknowledged.id() + " is of client message "
                    + acknowledged.clientMessageId() + ", not " + clientMessageId);
        }
        String[] json = {Wire.encode(acknowledged)};
        write("save the acknowledgement of message " + clientMessageId, () -> {
            String conversationId = conversationOf(clientMessageId);
            requireSameConversation(conversationId, acknowledged);
            storeEvents(conversationId, List.of(acknowledged), json, acknowledged.at());
            PreparedStatement ps = prepare("UPDATE outbox SET state = 'SENT', server_id = ?, seq = ?, reason = NULL"
                    + " WHERE client_message_id = ?");
            ps.setString(1, acknowledged.id());
            ps.setLong(2, acknowledged.seq());
            ps.setString(3, clientMessageId);
            return ps.executeUpdate();
        });
    }

    /** @throws IllegalStateException if the entry was sent */
    @Override
    public void markFailed(String clientMessageId, String reason, long nextAttemptAt) {
        write("mark message " + clientMessageId + " as failed", () -> {
            requireUnsent(clientMessageId, "mark as failed");
            PreparedStatement ps = prepare("UPDATE outbox SET state = 'FAILED_WILL_RETRY', reason = ?,"
                    + " next_attempt_at = ? WHERE client_message_id = ?");
            ps.setString(1, reason);
            ps.setLong(2, nextAttemptAt);
            ps.setString(3, clientMessageId);
            return ps.executeUpdate();
        });
    }

    /** @throws IllegalStateException if the entry was sent */
    @Override
    public void markNeedsAction(String clientMessageId, String reason) {
        write("mark message " + clientMessageId + " as needing action", () -> {
            requireUnsent(clientMessageId, "mark as needing action");
            PreparedStatement ps = prepare("UPDATE outbox SET state = 'NEEDS_ACTION', reason = ?"
                    + " WHERE client_message_id = ?");
            ps.setString(1, reason);
            ps.setString(2, clientMessageId);
            return ps.executeUpdate();
        });
    }

    /**
     * Puts an unsent entry back to QUEUED, due now, without a reason; it keeps its position and attempts.
     *
     * @throws IllegalStateException if the entry was sent
     */
    @Override
    public void requeue(String clientMessageId) {
        write("requeue message " + clientMessageId, () -> {
            requireUnsent(clientMessageId, "requeue");
            PreparedStatement ps = prepare("UPDATE outbox SET state = 'QUEUED', reason = NULL, next_attempt_at = ?"
                    + " WHERE client_message_id = ?");
            ps.setLong(1, clock.millis());
            ps.setString(2, clientMessageId);
            return ps.executeUpdate();
        });
    }

    /** @throws IllegalStateException if the entry was sent */
    @Override
    public void discard(String clientMessageId) {
        write("discard message " + clientMessageId, () -> {
            requireUnsent(clientMessageId, "discard");
            PreparedStatement ps = prepare("DELETE FROM outbox WHERE client_message_id = ?");
            ps.setString(1, clientMessageId);
            return ps.executeUpdate();
        });
    }

    private String conversationOf(String clientMessageId) throws SQLException {
        PreparedStatement ps = prepare("SELECT conversation_id FROM outbox WHERE client_message_id = ?");
        ps.setString(1, clientMessageId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalArgumentException("the outbox holds no message " + clientMessageId);
            }
            return rs.getString(1);
        }
    }

    /** The entry's state; throws if it does not exist (IllegalArgumentException) or was sent (IllegalStateException). */
    private DeliveryState requireUnsent(String clientMessageId, String action) throws SQLException {
        requireText(clientMessageId, "clientMessageId");
        PreparedStatement ps = prepare("SELECT state FROM outbox WHERE client_message_id = ?");
        ps.setString(1, clientMessageId);
        DeliveryState state;
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalArgumentException("the outbox holds no message " + clientMessageId);
            }
            state = DeliveryState.valueOf(rs.getString(1));
        }
        if (state == DeliveryState.SENT) {
            throw new IllegalStateException("cannot " + action + " message " + clientMessageId + ": it was sent");
        }
        return state;
    }

    // ---- drafts and the log ----------------------------------------------------------------

    /** Saves the draft; an empty or null text removes it. */
    @Override
    public void saveDraft(String conversationId, String text) {
        requireText(conversationId, "conversationId");
        write("save the draft of " + conversationId, () -> {
            if (text == null || text.isEmpty()) {
                PreparedStatement ps = prepare("DELETE FROM drafts WHERE conversation_id = ?");
                ps.setString(1, conversationId);
                return ps.executeUpdate();
            }
            PreparedStatement ps = prepare("INSERT INTO drafts (conversation_id, text, updated_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (conversation_id) DO UPDATE SET text = excluded.text,"
                    + " updated_at = excluded.updated_at");
            ps.setString(1, conversationId);
            ps.setString(2, text);
            ps.setLong(3, clock.millis());
            return ps.executeUpdate();
        });
    }

    @Override
    public Optional<String> draft(String conversationId) {
        requireText(conversationId, "conversationId");
        return read("read the draft of " + conversationId, db -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT text FROM drafts WHERE conversation_id = ?")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Adds an entry; the oldest are dropped beyond {@value #MAX_LOG_ENTRIES}. */
    @Override
    public void log(long at, String kind, String detail) {
        requireText(kind, "kind");
        write("write to the event log", () -> insertLog(at, kind, detail == null ? "" : detail));
    }

    private Void insertLog(long at, String kind, String detail) throws SQLException {
        PreparedStatement ps = prepare("INSERT INTO log (at, kind, detail) VALUES (?, ?, ?) RETURNING id");
        ps.setLong(1, at);
        ps.setString(2, kind);
        ps.setString(3, detail);
        long id;
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        if (id > MAX_LOG_ENTRIES) {
            PreparedStatement trim = prepare("DELETE FROM log WHERE id <= ?");
            trim.setLong(1, id - MAX_LOG_ENTRIES);
            trim.executeUpdate();
        }
        return null;
    }

    @Override
    public List<LogEntry> recentLog(int limit) {
        requirePositive(limit);
        return read("read the event log", db -> {
            List<LogEntry> out = new ArrayList<>();
            try (PreparedStatement ps = db.prepareStatement("SELECT id, at, kind, detail FROM log ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LogEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    // ---- verify and export -------------------------------------------------------------------

    /**
     * Checks the file (quick_check), that every outbox entry belongs to a conversation held, and
     * that every cursor stands on events held contiguously from the conversation's lowest seq.
     */
    public IntegrityReport verify() {
        return readSnapshot("check the journal", SqliteJournal::integrity);
    }

    /**
     * Checks the journal file as it is, as {@link #verify} does, without opening it for writing:
     * nothing is written, and a damaged file is reported, not moved aside or rebuilt (that is for
     * {@link #open}, when its user next signs in). For support tools such as {@code journal verify}.
     *
     * @throws JournalException TOO_NEW if a newer Holdfast wrote it, STORAGE_UNAVAILABLE if it cannot be read
     */
    public static IntegrityReport check(Path file) {
        Path path = file.toAbsolutePath();
        try {
            return readOnlySnapshot(path, SqliteJournal::integrity);
        } catch (SQLException e) {
            if (StorageErrors.isDamage(e)) {
                return IntegrityReport.of(List.of("the file is damaged: " + e.getMessage()));
            }
            throw StorageErrors.translate(path, "check the journal", e);
        }
    }

    private static IntegrityReport integrity(Connection db) throws SQLException {
        List<String> problems = new ArrayList<>();
        quickCheck(db).forEach(p -> problems.add("quick_check: " + p));
        if (!problems.isEmpty()) {
            return IntegrityReport.of(problems); // the queries below would only read the damage again
        }
        try (PreparedStatement ps = db.prepareStatement("SELECT o.client_message_id, o.conversation_id"
                + " FROM outbox o LEFT JOIN conversations c ON c.id = o.conversation_id"
                + " WHERE c.id IS NULL ORDER BY o.position");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                problems.add("outbox entry " + rs.getString(1) + " belongs to conversation " + rs.getString(2)
                        + ", which the journal does not hold");
            }
        }
        try (PreparedStatement ps = db.prepareStatement("SELECT c.id, c.cursor, MIN(e.seq), MAX(e.seq), COUNT(e.seq)"
                + " FROM conversations c LEFT JOIN events e ON e.conversation_id = c.id AND e.seq <= c.cursor"
                + " WHERE c.cursor > 0 GROUP BY c.id ORDER BY c.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                long cursor = rs.getLong(2);
                long lowest = rs.getLong(3);
                long highest = rs.getLong(4);
                long count = rs.getLong(5);
                if (count == 0) {
                    problems.add("the cursor of conversation " + id + " is " + cursor
                            + " but none of its events up to " + cursor + " is held");
                } else if (highest != cursor || count != cursor - lowest + 1) {
                    problems.add("the cursor of conversation " + id + " is " + cursor + " but only " + count
                            + " of the events " + lowest + ".." + cursor + " are held");
                }
            }
        }
        return IntegrityReport.of(problems);
    }

    /** Everything held except the refresh token and session id, in one consistent snapshot. */
    public JournalExport export() {
        return readSnapshot("export the journal", db -> exportFrom(db, deviceId));
    }

    /**
     * Exports the journal at {@code file} through a read-only connection, without opening it for
     * writing: it needs no lock, so it works while a panel has the journal open, and it changes
     * nothing, not even a damaged or too new file.
     *
     * @throws JournalException TOO_NEW, CORRUPT if it cannot be read, STORAGE_UNAVAILABLE if it cannot be opened
     */
    public static JournalExport exportReadOnly(Path file) {
        Path path = file.toAbsolutePath();
        try {
            return readOnlySnapshot(path, db -> exportFrom(db, null));
        } catch (SQLException e) {
            throw StorageErrors.translate(path, "export the journal", e);
        }
    }

    /** One read transaction through a read-only connection, after refusing a file a newer Holdfast wrote. */
    private static <T> T readOnlySnapshot(Path path, SqlRead<T> work) throws SQLException {
        try (Connection db = connect(path, true)) {
            int version = Migrations.userVersion(db);
            if (version > Migrations.latest()) {
                throw tooNew(path, version);
            }
            return inReadTransaction(db, work);
        }
    }

    private static JournalExport exportFrom(Connection db, String knownDeviceId) throws SQLException {
        Map<String, String> meta = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT key, value FROM meta WHERE key IN (?, ?)")) {
            ps.setString(1, DEVICE_ID);
            ps.setString(2, EPOCH);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        List<JournalExport.ConversationCopy> conversations = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT id, summary, cursor FROM conversations"
                + " ORDER BY last_activity DESC, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                String summary = rs.getString(2);
                conversations.add(new JournalExport.ConversationCopy(id,
                        summary == null ? null : Wire.decode(summary, ConversationSummary.class),
                        rs.getLong(3), allEvents(db, id)));
            }
        }
        List<OutboxEntry> outbox = queryOutbox(db, "SELECT " + OUTBOX_COLUMNS + " FROM outbox ORDER BY position");
        Map<String, String> drafts = new LinkedHashMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT conversation_id, text FROM drafts ORDER BY conversation_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                drafts.put(rs.getString(1), rs.getString(2));
            }
        }
        return new JournalExport(meta.getOrDefault(DEVICE_ID, knownDeviceId), meta.get(EPOCH), conversations, outbox,
                drafts);
    }

    // ---- closing and test hooks ------------------------------------------------------------

    /** Closes every connection; the last one to close checkpoints the WAL into the file. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Connection reader; (reader = idleReaders.pollFirst()) != null; ) {
            closeQuietly(reader);
        }
        writeLock.lock();
        try {
            for (PreparedStatement ps : statements.values()) {
                try {
                    ps.close();
                } catch (SQLException e) {
                    LOG.debug("closing a statement failed", e);
                }
            }
            statements.clear();
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
            if (lock != null) {
                lock.close();
            }
        }
    }

    /** Test hook: caps the file at its current size (SQLite's max_page_count) to simulate a full disk. */
    void capSizeForTesting() {
        writeLock.lock();
        try (Statement s = writer.createStatement()) {
            long pages;
            try (ResultSet rs = s.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
            s.execute("PRAGMA max_page_count = " + pages);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            writeLock.unlock();
        }
    }

    // ---- checks ------------------------------------------------------------------------------

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }

    private static void requirePositive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
    }

    private static void requireSameConversation(String conversationId, ConversationEvent event) {
        if (!conversationId.equals(event.conversationId())) {
            throw new IllegalArgumentException("event " + event.id() + " belongs to conversation "
                    + event.conversationId() + ", not " + conversationId);
        }
    }
}
