package dev.holdfast.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.api.Scope;
import dev.holdfast.client.journal.Journal;
import dev.holdfast.client.journal.JournalLocation;
import dev.holdfast.client.journal.JournalRecovery;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.client.journal.sqlite.SqliteJournal;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.EventKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * Recovery where it is hardest: two desks holding the same conversation (one transferred it to
 * the other) restore it one after the other after a wipe, and a desk's own journal is found
 * damaged at sign-in.
 */
class RecoveryEdgesTest {
    @TempDir
    Path dir;

    @Test
    void twoDesksRestoringTheSameConversationLeaveOneCopyHeldByTheLastAssignee() throws Exception {
        GatedTransport secondDesk = new GatedTransport();
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             AgentSession desk1 = new AgentSession(p.platform.baseUri(), dir.resolve("desk1"), Clock.systemUTC());
             AgentSession desk2 = new AgentSession(p.platform.baseUri(), dir.resolve("desk2"), Clock.systemUTC(),
                     secondDesk);
             TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Rosa", "en")) {
            String c = customer.conversationId();
            List<SessionUpdate> updates1 = new CopyOnWriteArrayList<>();
            List<SessionUpdate> updates2 = new CopyOnWriteArrayList<>();
            desk1.subscribe(updates1::add);
            desk2.subscribe(updates2::add);
            desk1.signIn("agent1", "demo".toCharArray()).get(10, TimeUnit.SECONDS);
            SessionTest.awaitLive(desk1);
            customer.send("q1: my invoice is wrong");
            Desks.awaitAssigned(desk1, c);
            desk1.send(c, "a1: let me hand you to billing").get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> desk1.unsent().isEmpty());

            desk2.signIn("agent2", "demo".toCharArray()).get(10, TimeUnit.SECONDS);
            SessionTest.awaitLive(desk2);
            long version = desk1.conversations(Scope.MINE).get(10, TimeUnit.SECONDS).stream()
                    .filter(s -> s.id().equals(c)).findFirst().orElseThrow().version();
            desk1.transfer(c, version, "agent2", "billing question").get(10, TimeUnit.SECONDS);
            Desks.awaitAssigned(desk2, c);
            desk2.send(c, "a2: billing here, fixing it").get(5, TimeUnit.SECONDS);
            // The future says journaled, not delivered: let the answer reach the platform before the reply to it.
            await().atMost(Duration.ofSeconds(10)).until(() -> desk2.unsent().isEmpty());
            customer.send("q2: thank you");
            Journal journal1 = desk1.journal().orElseThrow();
            Journal journal2 = desk2.journal().orElseThrow();
            await().atMost(Duration.ofSeconds(10)).until(() -> desk2.unsent().isEmpty()
                    && journal2.allEvents(c).stream().anyMatch(e -> "q2: thank you".equals(e.text())));
            assertThat(journal1.cursor(c)).as("agent1 holds history").isPositive();
            List<ConversationEvent> before = IncidentReplayTest.platformLog(p, p.supervisorToken(), c);

            // The wipe. agent2's desk hears nothing until agent1's desk has restored and reconnected;
            // then agent2's longer copy is restored into what agent1's made, moving its tail.
            secondDesk.hold();
            String newEpoch = p.wipe();
            await().atMost(Duration.ofSeconds(20)).until(() -> desk1.status().get() instanceof SessionStatus.Live
                    && journal1.epoch().orElse("").equals(newEpoch));
            secondDesk.release();
            await().atMost(Duration.ofSeconds(30)).until(() -> desk2.status().get() instanceof SessionStatus.Live
                    && journal2.epoch().orElse("").equals(newEpoch));
            assertThat(updates1).anyMatch(u -> u instanceof SessionUpdate.RecoveryFinished f && f.restored() == 1);
            assertThat(updates2).anyMatch(u -> u instanceof SessionUpdate.RecoveryFinished f && f.restored() == 1);

            String sup = p.supervisorToken();
            List<ConversationEvent> log = IncidentReplayTest.platformLog(p, sup, c);
            // One copy: every event once, gap-free, what was there before the wipe in its order, then the marker.
            assertThat(log).extracting(ConversationEvent::seq)
                    .isEqualTo(LongStream.rangeClosed(1, log.size()).boxed().toList());
            assertThat(log).extracting(ConversationEvent::id).doesNotHaveDuplicates();
            assertThat(log.subList(0, before.size())).extracting(ConversationEvent::id)
                    .containsExactlyElementsOf(before.stream().map(ConversationEvent::id).toList());
            assertThat(log.subList(before.size(), log.size())).extracting(ConversationEvent::kind)
                    .containsExactly(EventKind.RESTORED);
            assertThat(log.stream().filter(ConversationEvent::isMessage).map(ConversationEvent::text))
                    .containsExactly("q1: my invoice is wrong", "a1: let me hand you to billing",
                            "a2: billing here, fixing it", "q2: thank you");
            ConversationSummary onPlatform = p.http.get("/v1/conversations/" + c, sup).as(ConversationSummary.class);
            assertThat(onPlatform.assignee()).isEqualTo("agent2");
            long copies = p.http.get("/v1/conversations?scope=all", sup)
                    .as(dev.holdfast.protocol.http.ConversationList.class).conversations().stream()
                    .filter(s -> s.id().equals(c)).count();
            assertThat(copies).isEqualTo(1);

            // The assignee's desk follows live; agent1's learns of the renumbered tail when it next connects.
            p.http.post("/admin/drop-connections", TestPlatform.ADMIN, null);
            for (AgentSession desk : List.of(desk1, desk2)) {
                Journal journal = desk.journal().orElseThrow();
                await().atMost(Duration.ofSeconds(20)).until(() -> desk.status().get() instanceof SessionStatus.Live
                        && journal.cursor(c) == log.get(log.size() - 1).seq());
                assertThat(journal.allEvents(c)).as("%s's copy", desk.user()).isEqualTo(log);
                assertThat(((SqliteJournal) journal).verify().problems()).isEmpty();
                assertThat(desk.unsent()).isEmpty();
            }
            assertThat(journal2.conversation(c).orElseThrow().assignee()).isEqualTo("agent2");
            // agent1's desk held the restored marker at its first seq, and noticed it move (by id).
            assertThat(journal1.recentLog(200)).anyMatch(e -> e.detail().contains("renumbered conversation " + c));
        }
    }

    @Test
    void aJournalDamagedWhileSignedOutIsRebuiltAndItsUnsentMessagesStillGoOut() throws Exception {
        GatedTransport transport = new GatedTransport();
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Yuki", "ja");
             AgentSession desk = new AgentSession(p.platform.baseUri(), dir.resolve("desk"), Clock.systemUTC(),
                     transport)) {
            String c = customer.conversationId();
            List<SessionUpdate> updates = new CopyOnWriteArrayList<>();
            desk.subscribe(updates::add);
            desk.signIn("agent1", "demo".toCharArray()).get(10, TimeUnit.SECONDS);
            SessionTest.awaitLive(desk);
            for (int i = 1; i <= 5; i++) {
                customer.send("line " + i + " " + "of a longer story ".repeat(20));
            }
            Desks.awaitAssigned(desk, c);
            String deviceId = desk.journal().orElseThrow().deviceId();
            transport.refuseSends(true);
            List<String> unsent = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                unsent.add(desk.send(c, "kept " + i).get(5, TimeUnit.SECONDS).clientMessageId());
            }
            desk.signOut(false).get(10, TimeUnit.SECONDS);

            Path file = JournalLocation.fileFor(dir.resolve("desk"), p.platform.baseUri(), "agent1");
            assertThat(file.resolveSibling("journal.db-wal")).as("checkpointed at sign-out").doesNotExist();
            damageEventsTable(file);

            transport.refuseSends(false);
            updates.clear();
            desk.signIn("agent1", "demo".toCharArray()).get(10, TimeUnit.SECONDS);

            // Moved aside next to it, never deleted; a fresh journal in its place, with what still read.
            SqliteJournal rebuilt = (SqliteJournal) desk.journal().orElseThrow();
            JournalRecovery recovery = rebuilt.recovery().orElseThrow();
            assertThat(recovery.movedTo()).exists().hasParent(file.getParent());
            assertThat(recovery.movedTo().getFileName().toString()).startsWith("journal.db.corrupt-");
            assertThat(file).exists();
            assertThat(recovery.carriedOverOutbox()).isEqualTo(3);
            assertThat(recovery.deviceIdKept()).isTrue();
            assertThat(rebuilt.deviceId()).isEqualTo(deviceId);
            assertThat(rebuilt.recentLog(100)).anyMatch(e -> e.kind().equals("journal.recovered"));
            // The desk is told, in words, through the session.
            await().atMost(Duration.ofSeconds(5)).until(() -> updates.stream()
                    .anyMatch(u -> u instanceof SessionUpdate.ProblemRaised));
            SessionUpdate.ProblemRaised told = (SessionUpdate.ProblemRaised) updates.stream()
                    .filter(u -> u instanceof SessionUpdate.ProblemRaised).findFirst().orElseThrow();
            assertThat(told.problem().userMessage()).contains("damaged").contains("3 unsent messages");
            assertThat(told.problem().detail()).contains(recovery.movedTo().toString());

            // Rebuilt from the platform, and the carried-over messages delivered once, in order.
            await().atMost(Duration.ofSeconds(20)).until(() -> desk.status().get() instanceof SessionStatus.Live
                    && desk.unsent().isEmpty());
            List<ConversationEvent> log = IncidentReplayTest.platformLog(p, p.supervisorToken(), c);
            assertThat(Desks.agentMessages(log)).extracting(ConversationEvent::clientMessageId)
                    .containsExactlyElementsOf(unsent);
            assertThat(Desks.agentMessages(log)).extracting(ConversationEvent::deviceId).containsOnly(deviceId);
            assertThat(log.stream().filter(e -> e.isMessage() && e.author().kind() == AuthorKind.CUSTOMER).count())
                    .isEqualTo(5);
            await().atMost(Duration.ofSeconds(10)).until(() -> rebuilt.cursor(c) == log.get(log.size() - 1).seq());
            assertThat(rebuilt.allEvents(c)).isEqualTo(log);
            for (String id : unsent) {
                assertThat(rebuilt.outboxEntry(id)).map(OutboxEntry::state)
                        .contains(dev.holdfast.client.journal.DeliveryState.SENT);
            }
            assertThat(rebuilt.verify().problems()).isEmpty();
        }
    }

    /** Overwrites the root page of the events table — in the middle of the file — with random bytes. */
    static void damageEventsTable(Path file) throws IOException, SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        long pageSize;
        long rootPage;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
             Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                rs.next();
                pageSize = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = 'events'")) {
                rs.next();
                rootPage = rs.getLong(1);
            }
        }
        long pages = Files.size(file) / pageSize;
        assertThat(rootPage).as("the events table's root page").isGreaterThan(1).isLessThan(pages);
        byte[] garbage = new byte[(int) pageSize];
        new Random(7).nextBytes(garbage);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(garbage), (rootPage - 1) * pageSize);
        }
    }
}
