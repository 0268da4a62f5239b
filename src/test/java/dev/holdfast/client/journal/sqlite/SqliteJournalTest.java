package dev.holdfast.client.journal.sqlite;

import static dev.holdfast.client.journal.JournalFixtures.agentMessage;
import static dev.holdfast.client.journal.JournalFixtures.message;
import static dev.holdfast.client.journal.JournalFixtures.messages;
import static dev.holdfast.client.journal.JournalFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.Journal;
import dev.holdfast.client.journal.JournalException;
import dev.holdfast.client.journal.JournalExport;
import dev.holdfast.client.journal.LogEntry;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.Wire;
import dev.holdfast.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJournalTest {
    private static final String C1 = "c-1";
    private static final String C2 = "c-2";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final List<SqliteJournal> opened = new ArrayList<>();

    private Path file() {
        return dir.resolve("journal.db");
    }

    private SqliteJournal open() {
        SqliteJournal journal = SqliteJournal.open(file(), clock);
        opened.add(journal);
        return journal;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(SqliteJournal::close);
    }

    static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    // ---- opening, identity, persistence ----------------------------------------------------

    @Test
    void aNewJournalHasADeviceIdThatIsKeptAcrossReopen() {
        SqliteJournal journal = open();
        String deviceId = journal.deviceId();
        assertThat(UUID.fromString(deviceId).version()).isEqualTo(7);
        assertThat(journal.recovery()).isEmpty();
        journal.close();

        assertThat(open().deviceId()).isEqualTo(deviceId);
    }

    @Test
    void usesWalFullSyncAndTheLatestSchema() throws Exception {
        open();
        try (Connection db = raw(file()); Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                assertThat(rs.getInt(1)).isEqualTo(Migrations.latest());
            }
        }
    }

    @Test
    void fileAndItsWalFilesAreOwnerOnly() throws Exception {
        Path nested = dir.resolve("new-dir").resolve("journal.db");
        SqliteJournal journal = SqliteJournal.open(nested, clock);
        opened.add(journal);
        journal.enqueue(C1, "hello", 1);

        assertThat(permissions(nested)).isEqualTo("rw-------");
        assertThat(permissions(nested.getParent())).isEqualTo("rwx------");
        for (String suffix : List.of("-wal", "-shm")) {
            Path side = nested.resolveSibling("journal.db" + suffix);
            assertThat(side).exists();
            assertThat(permissions(side)).as(suffix).isEqualTo("rw-------");
        }
    }

    @Test
    void anExistingFileThatOthersCouldReadIsTightened() throws Exception {
        open().close();
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        open();
        assertThat(permissions(file())).isEqualTo("rw-------");
    }

    static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void everythingSurvivesCloseAndReopen() {
        SqliteJournal journal = open();
        journal.saveEpoch("epoch-1");
        journal.saveSessionId("s-1");
        journal.saveRefreshToken("refresh-1");
        journal.upsertConversation(summary(C1, 5_000));
        journal.applyEvents(C1, messages(C1, 1, 3));
        OutboxEntry queued = journal.enqueue(C1, "on its way", 10);
        journal.saveDraft(C1, "half a thought");
        journal.log(11, "connection", "live");
        journal.close();

        SqliteJournal again = open();
        assertThat(again.epoch()).contains("epoch-1");
        assertThat(again.sessionId()).contains("s-1");
        assertThat(again.refreshToken()).contains("refresh-1");
        assertThat(again.conversation(C1)).contains(summary(C1, 5_000));
        assertThat(again.cursor(C1)).isEqualTo(3);
        assertThat(again.allEvents(C1)).isEqualTo(messages(C1, 1, 3));
        assertThat(again.pending()).containsExactly(queued);
        assertThat(again.draft(C1)).contains("half a thought");
        assertThat(again.recentLog(10)).containsExactly(new LogEntry(1, 11, "connection", "live"));
    }

    @Test
    void closedJournalRefusesWork() {
        SqliteJournal journal = open();
        journal.close();
        journal.close(); // idempotent
        assertThatThrownBy(() -> journal.enqueue(C1, "x", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(journal::pending).isInstanceOf(IllegalStateException.class);
    }

    // ---- credentials -----------------------------------------------------------------------

    @Test
    void refreshTokenCanBeReplacedAndForgotten() {
        SqliteJournal journal = open();
        assertThat(journal.refreshToken()).isEmpty();
        journal.saveRefreshToken("r1");
        journal.saveRefreshToken("r2");
        assertThat(journal.refreshToken()).contains("r2");
        journal.forgetRefreshToken();
        assertThat(journal.refreshToken()).isEmpty();
        assertThat(journal.epoch()).isEmpty();
        assertThat(journal.sessionId()).isEmpty();
    }

    // ---- conversations ---------------------------------------------------------------------

    @Test
    void conversationsAreListedMostRecentActivityFirst() {
        SqliteJournal journal = open();
        journal.upsertConversation(summary("c-old", 1_000));
        journal.upsertConversation(summary("c-new", 3_000));
        journal.upsertConversation(summary("c-mid", 2_000));
        assertThat(journal.conversations()).extracting(ConversationSummary::id)
                .containsExactly("c-new", "c-mid", "c-old");

        journal.upsertConversation(summary("c-old", 4_000));
        assertThat(journal.conversations()).extracting(ConversationSummary::id)
                .containsExactly("c-old", "c-new", "c-mid");
        assertThat(journal.conversation("c-old")).contains(summary("c-old", 4_000));
        assertThat(journal.conversation("c-none")).isEmpty();
    }

    @Test
    void aMessageToAnUnknownConversationMakesAPlaceholder() {
        SqliteJournal journal = open();
        journal.enqueue("c-new", "hello", 1);
        assertThat(journal.cursors()).containsEntry("c-new", 0L);
        assertThat(journal.conversations()).isEmpty();
        assertThat(journal.verify().ok()).isTrue();
    }

    @Test
    void manySummariesAtOnceAreStoredLikeOneByOne() {
        SqliteJournal journal = open();
        journal.applyEvents(C1, messages(C1, 1, 2));
        journal.upsertConversation(summary("c-old", 4_000));
        journal.upsertConversations(List.of(summary(C1, 1), summary("c-old", 1_000), summary("c-new", 3_000)));
        journal.upsertConversations(List.of());

        assertThat(journal.conversations()).extracting(ConversationSummary::id)
                .as("last activity never moves back").containsExactly(C1, "c-old", "c-new");
        assertThat(journal.conversation("c-old")).contains(summary("c-old", 1_000));
        assertThat(journal.cursor(C1)).as("a summary keeps the cursor").isEqualTo(2);
        assertThatThrownBy(() -> journal.upsertConversations(Arrays.asList(summary("c-x", 1), null)))
                .isInstanceOf(NullPointerException.class);
        assertThat(journal.conversation("c-x")).as("nothing of a refused batch is written").isEmpty();
    }

    @Test
    void eventsOfAnUnknownConversationMakeAPlaceholderThatIsNotListedButHasACursor() {
        SqliteJournal journal = open();
        assertThat(journal.applyEvents(C1, messages(C1, 1, 2))).isEqualTo(2);
        assertThat(journal.conversations()).isEmpty();
        assertThat(journal.conversation(C1)).isEmpty();
        assertThat(journal.cursors()).containsEntry(C1, 2L);

        journal.upsertConversation(summary(C1, 1));
        assertThat(journal.cursor(C1)).as("a summary keeps the cursor").isEqualTo(2);
        assertThat(journal.conversations()).extracting(ConversationSummary::id).containsExactly(C1);
    }

    @Test
    void newerEventsMoveAConversationUp() {
        SqliteJournal journal = open();
        journal.upsertConversation(summary(C1, 1_000));
        journal.upsertConversation(summary(C2, 2_000));
        journal.applyEvents(C1, List.of(message(C1, "e-1", 1))); // at 1_790_000_001_000
        assertThat(journal.conversations()).extracting(ConversationSummary::id).containsExactly(C1, C2);
    }

    // ---- events and cursors ----------------------------------------------------------------

    @Test
    void storesEachEventAsItsExactWireJson() throws Exception {
        SqliteJournal journal = open();
        ConversationEvent event = message(C1, "e-1", 1);
        journal.applyEvents(C1, List.of(event));
        try (Connection db = raw(file()); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT json FROM events")) {
            assertThat(rs.getString(1)).isEqualTo(Wire.encode(event));
        }
        assertThat(journal.allEvents(C1)).containsExactly(event);
        assertThat(journal.allEvents(C1).get(0).receipt()).isEqualTo("rcpt-e-1-1");
    }

    @Test
    void cursorAdvancesOverContiguousEventsAndStopsAtAGap() {
        SqliteJournal journal = open();
        assertThat(journal.cursor(C1)).isZero();
        assertThat(journal.applyEvents(C1, messages(C1, 1, 3))).isEqualTo(3);
        assertThat(journal.applyEvents(C1, messages(C1, 5, 6))).as("seq 4 is missing").isEqualTo(3);
        assertThat(journal.cursor(C1)).isEqualTo(3);
        assertThat(journal.applyEvents(C1, messages(C1, 4, 4))).as("the gap is filled").isEqualTo(6);
        assertThat(journal.applyEvents(C1, messages(C1, 2, 3))).as("duplicates change nothing").isEqualTo(6);
        assertThat(journal.applyEvents(C1, List.of())).isEqualTo(6);
        assertThat(journal.allEvents(C1)).isEqualTo(messages(C1, 1, 6));
    }

    @Test
    void batchesInOneTransactionMoveCursorsAsOneWriteEach() {
        SqliteJournal journal = open();
        journal.applyEvents(C1, messages(C1, 1, 2));
        List<Journal.CursorMove> moves = journal.applyEvents(List.of(
                new Journal.EventBatch(C1, messages(C1, 3, 3)),
                new Journal.EventBatch(C2, messages(C2, 1, 2)),
                new Journal.EventBatch(C1, messages(C1, 5, 5)),
                new Journal.EventBatch(C1, List.of()),
                new Journal.EventBatch(C1, messages(C1, 4, 4))));
        assertThat(moves).containsExactly(new Journal.CursorMove(2, 3), new Journal.CursorMove(0, 2),
                new Journal.CursorMove(3, 3), new Journal.CursorMove(3, 3), new Journal.CursorMove(3, 5));
        assertThat(journal.allEvents(C1)).isEqualTo(messages(C1, 1, 5));
        assertThat(journal.cursors()).containsEntry(C1, 5L).containsEntry(C2, 2L);
        assertThat(journal.applyEvents(List.<Journal.EventBatch>of())).isEmpty();

        assertThatThrownBy(() -> journal.applyEvents(List.of(new Journal.EventBatch(C2, messages(C2, 3, 3)),
                new Journal.EventBatch(C2, messages(C1, 6, 6))))).isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.cursor(C2)).as("nothing of a refused write is kept").isEqualTo(2);
        assertThat(journal.allEvents(C2)).isEqualTo(messages(C2, 1, 2));
    }

    @Test
    void historyThatStartsLaterStartsTheCursorAtTheLowestSeqHeld() {
        SqliteJournal journal = open();
        // A conversation frame with only the last 100 events of a long conversation.
        assertThat(journal.applyEvents(C1, messages(C1, 901, 1000))).isEqualTo(1000);
        // Older history loaded later does not move it.
        assertThat(journal.applyEvents(C1, messages(C1, 801, 900))).isEqualTo(1000);
        // Within such a snapshot, a hole is still a gap.
        assertThat(journal.applyEvents(C2, List.of(message(C2, "a", 101), message(C2, "b", 102),
                message(C2, "d", 104)))).isEqualTo(102);
    }

    @Test
    void anEventWithAKnownIdMovesToItsNewSeq() {
        SqliteJournal journal = open();
        journal.applyEvents(C1, messages(C1, 1, 5));
        ConversationEvent moved = message(C1, "e-5", 6);

        assertThat(journal.applyEvents(C1, List.of(moved))).isEqualTo(6);

        assertThat(journal.allEvents(C1)).containsExactlyElementsOf(concat(messages(C1, 1, 4), List.of(moved)));
        assertThat(journal.verify().problems()).singleElement().asString().contains("cursor of conversation c-1");
    }

    @Test
    void aRestoreRebaseReplacesTheTailAndRenumbersIt() {
        SqliteJournal journal = open();
        journal.applyEvents(C1, messages(C1, 1, 5));
        // The platform merged two events it held (x, y) before our e-4 and e-5, which move up by two.
        List<ConversationEvent> rebased = List.of(message(C1, "x", 4), message(C1, "y", 5), message(C1, "e-4", 6),
                message(C1, "e-5", 7));

        assertThat(journal.applyEvents(C1, rebased)).isEqualTo(7);

        assertThat(journal.allEvents(C1)).containsExactlyElementsOf(concat(messages(C1, 1, 3), rebased));
        assertThat(journal.events(C1, 3, 10)).extracting(ConversationEvent::id).containsExactly("x", "y", "e-4", "e-5");
        assertThat(journal.verify().ok()).isTrue();
    }

    @Test
    void theSameRebaseAppliedInAnotherOrderEndsTheSame() {
        SqliteJournal journal = open();
        journal.applyEvents(C1, messages(C1, 1, 5));
        List<ConversationEvent> rebased = List.of(message(C1, "e-5", 7), message(C1, "e-4", 6), message(C1, "y", 5),
                message(C1, "x", 4));
        assertThat(journal.applyEvents(C1, rebased)).isEqualTo(7);
        assertThat(journal.allEvents(C1)).extracting(ConversationEvent::id)
                .containsExactly("e-1", "e-2", "e-3", "x", "y", "e-4", "e-5");
    }

    @Test
    void knowsWhenAnEventIsHeldAtAnotherSeq() {
        SqliteJournal journal = open();
        journal.applyEvents(C1, messages(C1, 1, 5));

        assertThat(journal.holdsAtAnotherSeq(C1, List.of(message(C1, "e-5", 5), message(C1, "new", 6)))).isFalse();
        assertThat(journal.holdsAtAnotherSeq(C1, List.of(message(C1, "new", 6), message(C1, "e-3", 8)))).isTrue();
        assertThat(journal.holdsAtAnotherSeq(C2, List.of(message(C2, "e-3", 8)))).isFalse();
        assertThat(journal.holdsAtAnotherSeq(C1, List.of())).isFalse();
    }

    @Test
    void replacingTheHistoryLeavesNoHoleWhereAnEventMovedAway() {
        SqliteJournal journal = open();
        // Held: 1..5 with the platform's restored marker r at 5; the platform since moved r to 7 after x and y.
        journal.applyEvents(C1, concat(messages(C1, 1, 4), List.of(message(C1, "r", 5))));
        journal.applyEvents(C1, List.of(message(C1, "later", 9)));
        List<ConversationEvent> platform = concat(messages(C1, 1, 4), List.of(message(C1, "x", 5),
                message(C1, "y", 6), message(C1, "r", 7)));

        assertThat(journal.replaceHistory(C1, platform)).isEqualTo(7);

        assertThat(journal.allEvents(C1)).containsExactlyElementsOf(concat(platform,
                List.of(message(C1, "later", 9))));
        assertThat(journal.cursor(C1)).isEqualTo(7);
        assertThat(journal.verify().ok()).isTrue();
        journal.applyEvents(C1, List.of(message(C1, "z", 8)));
        assertThat(journal.cursor(C1)).isEqualTo(9);
    }

    @Test
    void aReplacedHistoryWithHolesPutsTheCursorAtItsEnd() {
        SqliteJournal journal = open();
        journal.applyEvents(C1, messages(C1, 1, 2));
        // The platform holds 1, 2 and 4: nobody restored 3.
        List<ConversationEvent> platform = concat(messages(C1, 1, 2), List.of(message(C1, "e-4", 4)));

        assertThat(journal.replaceHistory(C1, platform)).isEqualTo(4);
        assertThat(journal.allEvents(C1)).containsExactlyElementsOf(platform);
    }

    @Test
    void aBatchIsOneTransaction() throws Exception {
        SqliteJournal journal = open();
        journal.applyEvents(C1, messages(C1, 1, 2));
        journal.close();
        try (Connection db = raw(file()); Statement s = db.createStatement()) {
            s.execute("CREATE TRIGGER refuse_bad BEFORE INSERT ON events WHEN NEW.id = 'bad'"
                    + " BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
        }
        SqliteJournal again = open();
        List<ConversationEvent> batch = List.of(message(C1, "e-3", 3), message(C1, "bad", 4));

        assertThatThrownBy(() -> again.applyEvents(C1, batch)).isInstanceOf(JournalException.class);

        assertThat(again.allEvents(C1)).isEqualTo(messages(C1, 1, 2));
        assertThat(again.cursor(C1)).isEqualTo(2);
        assertThat(again.applyEvents(C1, messages(C1, 3, 3))).as("the writer is usable after a rollback").isEqualTo(3);
    }

    @Test
    void refusesEventsOfAnotherConversation() {
        SqliteJournal journal = open();
        assertThatThrownBy(() -> journal.applyEvents(C1, List.of(message(C2, "e-1", 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.cursors()).isEmpty();
    }

    @Test
    void pagesThroughEvents() {
        SqliteJournal journal = open();
        journal.applyEvents(C1, messages(C1, 1, 10));
        journal.applyEvents(C2, messages(C2, 1, 3));

        assertThat(journal.events(C1, 0, 4)).isEqualTo(messages(C1, 1, 4));
        assertThat(journal.events(C1, 8, 4)).isEqualTo(messages(C1, 9, 10));
        assertThat(journal.eventsBefore(C1, 8, 3)).isEqualTo(messages(C1, 5, 7));
        assertThat(journal.eventsBefore(C1, 3, 5)).isEqualTo(messages(C1, 1, 2));
        assertThat(journal.allEvents(C2)).isEqualTo(messages(C2, 1, 3));
        assertThat(journal.allEvents("c-none")).isEmpty();
        assertThat(journal.cursors()).containsOnly(java.util.Map.entry(C1, 10L), java.util.Map.entry(C2, 3L));
    }

    // ---- outbox ----------------------------------------------------------------------------

    @Test
    void enqueueJournalsAQueuedMessageWithAFreshUuidV7() {
        SqliteJournal journal = open();
        OutboxEntry entry = journal.enqueue(C1, "Hello Ada", 1_234);

        assertThat(UUID.fromString(entry.clientMessageId()).version()).isEqualTo(7);
        assertThat(entry).isEqualTo(new OutboxEntry(entry.position(), entry.clientMessageId(), C1, "Hello Ada",
                DeliveryState.QUEUED, 0, 1_234, 1_234, null, null, 0));
        assertThat(journal.outboxEntry(entry.clientMessageId())).contains(entry);
        assertThat(journal.outboxEntry("nope")).isEmpty();
    }

    @Test
    void anEnqueuedMessageIsCommittedWhenEnqueueReturns() throws Exception {
        SqliteJournal journal = open();
        OutboxEntry entry = journal.enqueue(C1, "Hello", 1);
        // Another connection, as another process would, sees it at once.
        try (Connection db = raw(file()); Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT client_message_id, state FROM outbox")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(entry.clientMessageId());
            assertThat(rs.getString(2)).isEqualTo("QUEUED");
        }
    }

    @Test
    void refusesMessagesTheProtocolWouldRefuse() {
        SqliteJournal journal = open();
        assertThatThrownBy(() -> journal.enqueue(C1, " ", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.enqueue(C1, "x".repeat(8_001), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.enqueue("", "x", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.pending()).isEmpty();
    }

    @Test
    void pendingIsEveryUnsentEntryInTheOrderComposed() {
        SqliteJournal journal = open();
        OutboxEntry a = journal.enqueue(C1, "a", 1);
        OutboxEntry b = journal.enqueue(C2, "b", 2);
        OutboxEntry c = journal.enqueue(C1, "c", 3);
        OutboxEntry d = journal.enqueue(C2, "d", 4);

        journal.markSending(a.clientMessageId());
        journal.markSent(a.clientMessageId(), agentMessage(C1, "s-a", 1, a.clientMessageId(), journal.deviceId(), "a"));
        journal.markFailed(c.clientMessageId(), "socket closed", 99);
        journal.markNeedsAction(d.clientMessageId(), "FORBIDDEN");

        assertThat(journal.pending()).extracting(OutboxEntry::clientMessageId)
                .containsExactly(b.clientMessageId(), c.clientMessageId(), d.clientMessageId());
        assertThat(journal.pending()).extracting(OutboxEntry::position).isSorted();
        journal.requeue(d.clientMessageId());
        assertThat(journal.pending()).extracting(OutboxEntry::clientMessageId).as("requeue keeps the position")
                .containsExactly(b.clientMessageId(), c.clientMessageId(), d.clientMessageId());
        journal.close();

        assertThat(open().pending()).extracting(OutboxEntry::clientMessageId)
                .containsExactly(b.clientMessageId(), c.clientMessageId(), d.clientMessageId());
    }

    @Test
    void statesCarryTheirDetails() {
        clock.set(java.time.Instant.ofEpochMilli(5_000));
        SqliteJournal journal = open();
        String id = journal.enqueue(C1, "hi", 1_000).clientMessageId();

        journal.markSending(id);
        assertThat(journal.outboxEntry(id).orElseThrow()).extracting(OutboxEntry::state, OutboxEntry::attempts)
                .containsExactly(DeliveryState.SENDING, 1);
        journal.markFailed(id, "connection lost", 9_000);
        assertThat(journal.outboxEntry(id).orElseThrow())
                .extracting(OutboxEntry::state, OutboxEntry::reason, OutboxEntry::nextAttemptAt)
                .containsExactly(DeliveryState.FAILED_WILL_RETRY, "connection lost", 9_000L);
        journal.markSending(id);
        journal.markNeedsAction(id, "the conversation was transferred");
        assertThat(journal.outboxEntry(id).orElseThrow())
                .extracting(OutboxEntry::state, OutboxEntry::reason, OutboxEntry::attempts)
                .containsExactly(DeliveryState.NEEDS_ACTION, "the conversation was transferred", 2);
        assertThatThrownBy(() -> journal.markSending(id)).as("needs the user first")
                .isInstanceOf(IllegalStateException.class);
        journal.requeue(id);
        assertThat(journal.outboxEntry(id).orElseThrow())
                .extracting(OutboxEntry::state, OutboxEntry::reason, OutboxEntry::nextAttemptAt, OutboxEntry::attempts)
                .containsExactly(DeliveryState.QUEUED, null, 5_000L, 2);
    }

    @Test
    void markSentStoresTheAcknowledgedEventAndTheServerIdTogether() {
        SqliteJournal journal = open();
        journal.applyEvents(C1, messages(C1, 1, 2));
        OutboxEntry entry = journal.enqueue(C1, "Thanks!", 1);
        ConversationEvent ack = agentMessage(C1, "srv-3", 3, entry.clientMessageId(), journal.deviceId(), "Thanks!");

        journal.markSent(entry.clientMessageId(), ack);

        OutboxEntry sent = journal.outboxEntry(entry.clientMessageId()).orElseThrow();
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.serverId()).isEqualTo("srv-3");
        assertThat(sent.seq()).isEqualTo(3);
        assertThat(journal.allEvents(C1)).endsWith(ack);
        assertThat(journal.cursor(C1)).isEqualTo(3);
        assertThat(journal.pending()).isEmpty();

        journal.markSent(entry.clientMessageId(), ack); // the ack came twice: harmless
        assertThat(journal.allEvents(C1)).hasSize(3);
    }

    @Test
    void markSentIsAtomic() throws Exception {
        SqliteJournal journal = open();
        OutboxEntry entry = journal.enqueue(C1, "Thanks!", 1);
        journal.close();
        try (Connection db = raw(file()); Statement s = db.createStatement()) {
            s.execute("CREATE TRIGGER refuse_sent BEFORE UPDATE OF state ON outbox WHEN NEW.state = 'SENT'"
                    + " BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
        }
        SqliteJournal again = open();
        ConversationEvent ack = agentMessage(C1, "srv-1", 1, entry.clientMessageId(), again.deviceId(), "Thanks!");

        assertThatThrownBy(() -> again.markSent(entry.clientMessageId(), ack)).isInstanceOf(JournalException.class);

        assertThat(again.allEvents(C1)).as("the event was rolled back with the state").isEmpty();
        assertThat(again.cursor(C1)).isZero();
        assertThat(again.outboxEntry(entry.clientMessageId()).orElseThrow().state()).isEqualTo(DeliveryState.QUEUED);
    }

    @Test
    void markSentRefusesAMismatchedAcknowledgement() {
        SqliteJournal journal = open();
        OutboxEntry entry = journal.enqueue(C1, "x", 1);
        assertThatThrownBy(() -> journal.markSent(entry.clientMessageId(),
                agentMessage(C2, "s", 1, entry.clientMessageId(), "d", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.markSent(entry.clientMessageId(),
                agentMessage(C1, "s", 1, "another-id", "d", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> journal.markSent("unknown", agentMessage(C1, "s", 1, "unknown", "d", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.allEvents(C1)).isEmpty();
    }

    @Test
    void onlyUnsentEntriesCanBeRequeuedOrDiscarded() {
        SqliteJournal journal = open();
        OutboxEntry sent = journal.enqueue(C1, "sent", 1);
        journal.markSent(sent.clientMessageId(), agentMessage(C1, "s-1", 1, sent.clientMessageId(), "d", "sent"));
        OutboxEntry unsent = journal.enqueue(C1, "unsent", 2);

        assertThatThrownBy(() -> journal.requeue(sent.clientMessageId())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> journal.discard(sent.clientMessageId())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> journal.markFailed(sent.clientMessageId(), "x", 1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> journal.markSending(sent.clientMessageId())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> journal.discard("unknown")).isInstanceOf(IllegalArgumentException.class);
        assertThat(journal.outboxEntry(sent.clientMessageId()).orElseThrow().state()).isEqualTo(DeliveryState.SENT);

        journal.discard(unsent.clientMessageId());
        assertThat(journal.outboxEntry(unsent.clientMessageId())).isEmpty();
        assertThat(journal.pending()).isEmpty();
    }

    // ---- drafts and log --------------------------------------------------------------------

    @Test
    void draftsAreSavedReplacedAndClearedByAnEmptyText() {
        SqliteJournal journal = open();
        assertThat(journal.draft(C1)).isEmpty();
        journal.saveDraft(C1, "Dear Ada");
        journal.saveDraft(C1, "Dear Ada, thank you");
        journal.saveDraft(C2, "other");
        assertThat(journal.draft(C1)).contains("Dear Ada, thank you");
        journal.saveDraft(C1, "");
        assertThat(journal.draft(C1)).isEmpty();
        assertThat(journal.draft(C2)).contains("other");
    }

    @Test
    void logIsNewestFirstAndKeepsABoundedTail() throws Exception {
        SqliteJournal journal = open();
        journal.log(1, "connection", "live");
        journal.log(2, "connection", "reconnecting in 2 s");
        journal.log(3, "recovery", null);
        assertThat(journal.recentLog(2)).extracting(LogEntry::at).containsExactly(3L, 2L);
        assertThat(journal.recentLog(10)).extracting(LogEntry::detail).containsExactly("", "reconnecting in 2 s", "live");

        // Pretend that many entries were written since: the next one drops everything but the newest MAX.
        try (Connection db = raw(file()); Statement s = db.createStatement()) {
            s.execute("INSERT INTO log (id, at, kind, detail) VALUES (" + SqliteJournal.MAX_LOG_ENTRIES
                    + ", 4, 'x', 'y')");
        }
        journal.log(5, "last", "z");
        List<LogEntry> all = journal.recentLog(100);
        assertThat(all).extracting(LogEntry::id).containsExactly((long) SqliteJournal.MAX_LOG_ENTRIES + 1,
                (long) SqliteJournal.MAX_LOG_ENTRIES, 3L, 2L);
    }

    // ---- verify and export -------------------------------------------------------------------

    @Test
    void verifyFindsNothingWrongWithAHealthyJournal() {
        SqliteJournal journal = open();
        journal.upsertConversation(summary(C1, 1));
        journal.applyEvents(C1, messages(C1, 1, 5));
        journal.applyEvents(C2, messages(C2, 50, 60));
        journal.enqueue(C1, "x", 1);
        assertThat(journal.verify().ok()).isTrue();
        assertThat(journal.verify().problems()).isEmpty();
    }

    @Test
    void verifyReportsOrphanedOutboxEntriesAndCursorsOverMissingEvents() throws Exception {
        SqliteJournal journal = open();
        journal.applyEvents(C1, messages(C1, 1, 5));
        try (Connection db = raw(file()); Statement s = db.createStatement()) {
            s.execute("INSERT INTO outbox (client_message_id, conversation_id, text, state, created_at, next_attempt_at)"
                    + " VALUES ('orphan', 'c-gone', 'x', 'QUEUED', 1, 1)");
            // The schema gives every outbox entry a conversation row; a damaged or edited file may lose it.
            s.execute("DELETE FROM conversations WHERE id = 'c-gone'");
            s.execute("UPDATE conversations SET cursor = 9 WHERE id = 'c-1'");
            s.execute("INSERT INTO conversations (id, cursor) VALUES ('c-empty', 4)");
        }
        var report = journal.verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).hasSize(3);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("orphan", "c-gone"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("c-1", "9"));
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("c-empty", "none"));
    }

    @Test
    void exportHoldsEverythingButTheSecrets() {
        SqliteJournal journal = open();
        journal.saveEpoch("epoch-7");
        journal.saveRefreshToken("very-secret-refresh");
        journal.saveSessionId("secret-session");
        journal.upsertConversation(summary(C1, 2));
        journal.applyEvents(C1, messages(C1, 1, 3));
        journal.applyEvents(C2, messages(C2, 1, 1));
        OutboxEntry queued = journal.enqueue(C1, "queued", 1);
        journal.saveDraft(C2, "draft");

        JournalExport export = journal.export();

        assertThat(export.deviceId()).isEqualTo(journal.deviceId());
        assertThat(export.epoch()).isEqualTo("epoch-7");
        // C1's last event is later than C2's, so C1 comes first.
        assertThat(export.conversations()).extracting(JournalExport.ConversationCopy::id).containsExactly(C1, C2);
        JournalExport.ConversationCopy c1 = export.conversations().get(0);
        assertThat(c1.summary()).isEqualTo(summary(C1, 2));
        assertThat(c1.cursor()).isEqualTo(3);
        assertThat(c1.events()).isEqualTo(messages(C1, 1, 3));
        assertThat(export.conversations().get(1).summary()).isNull();
        assertThat(export.outbox()).containsExactly(queued);
        assertThat(export.drafts()).containsExactly(java.util.Map.entry(C2, "draft"));
        assertThat(export.toString()).doesNotContain("very-secret-refresh", "secret-session");
    }

    // ---- threads -----------------------------------------------------------------------------

    @Test
    void readsRunWhileOneThreadEnqueues() throws Exception {
        SqliteJournal journal = open();
        int messages = 300;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            Future<List<OutboxEntry>> writer = threads.submit(() -> {
                started.await();
                List<OutboxEntry> written = new ArrayList<>();
                for (int i = 0; i < messages; i++) {
                    written.add(journal.enqueue(i % 2 == 0 ? C1 : C2, "message " + i, i));
                }
                writing.set(false);
                return written;
            });
            Future<Integer> reader = threads.submit(() -> {
                started.countDown();
                int reads = 0;
                int lastSize = 0;
                List<OutboxEntry> last = List.of();
                while (writing.get() || reads == 0) {
                    List<OutboxEntry> seen = journal.pending();
                    assertThat(seen.size()).isGreaterThanOrEqualTo(lastSize);
                    assertThat(seen).extracting(OutboxEntry::position).isSorted().doesNotHaveDuplicates();
                    assertThat(seen.subList(0, last.size())).isEqualTo(last); // a snapshot only grows at the end
                    lastSize = seen.size();
                    last = seen;
                    reads++;
                }
                return reads;
            });
            List<OutboxEntry> written = writer.get(60, TimeUnit.SECONDS);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            assertThat(journal.pending()).containsExactlyElementsOf(written);
        } finally {
            threads.shutdownNow();
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
