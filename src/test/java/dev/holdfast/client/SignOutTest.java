package dev.holdfast.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.Journal;
import dev.holdfast.client.journal.JournalLocation;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.client.journal.sqlite.SqliteJournal;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationSummary;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing out keeps the desk's work unless asked to erase it, and one user never sees another's:
 * a plain sign-out keeps conversations, drafts and unsent messages for the next sign-in (same
 * device id, outbox flushed once); an erasing sign-out removes the journal's files; a second user
 * on the same data directory starts from their own journal.
 */
class SignOutTest {
    @TempDir
    Path dir;

    @Test
    void signOutKeepsTheJournalAndTheNextSignInFlushesTheOutbox() throws Exception {
        GatedTransport transport = new GatedTransport();
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Noor", "en");
             AgentSession desk = new AgentSession(p.platform.baseUri(), dir.resolve("desk"), Clock.systemUTC(),
                     transport)) {
            URI server = p.platform.baseUri();
            desk.signIn("agent1", "demo".toCharArray()).get(10, TimeUnit.SECONDS);
            SessionTest.awaitLive(desk);
            String conversationId = customer.conversationId();
            customer.send("Where is my parcel?");
            Desks.awaitAssigned(desk, conversationId);
            Journal journal = desk.journal().orElseThrow();
            String deviceId = journal.deviceId();
            journal.saveDraft(conversationId, "Let me check the tracking num");

            // Messages that cannot leave yet (the socket refuses them): queued when the agent signs out.
            transport.refuseSends(true);
            List<String> unsent = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                unsent.add(desk.send(conversationId, "unsent " + i).get(5, TimeUnit.SECONDS).clientMessageId());
            }
            desk.signOut(false).get(10, TimeUnit.SECONDS);
            assertThat(desk.status().get()).isInstanceOf(SessionStatus.SignedOut.class);
            assertThat(desk.journal()).isEmpty();

            Path file = JournalLocation.fileFor(dir.resolve("desk"), server, "agent1");
            try (SqliteJournal kept = SqliteJournal.open(file, Clock.systemUTC())) {
                assertThat(kept.deviceId()).isEqualTo(deviceId);
                assertThat(kept.conversations()).extracting(ConversationSummary::id).contains(conversationId);
                assertThat(kept.allEvents(conversationId)).anyMatch(e -> "Where is my parcel?".equals(e.text()));
                assertThat(kept.draft(conversationId)).contains("Let me check the tracking num");
                assertThat(kept.pending()).extracting(OutboxEntry::clientMessageId).containsExactlyElementsOf(unsent);
                assertThat(kept.pending()).extracting(OutboxEntry::state).doesNotContain(DeliveryState.SENT);
                // No credential stays behind a sign-out.
                assertThat(kept.refreshToken()).isEmpty();
            }
            assertThat(Desks.agentMessages(IncidentReplayTest.platformLog(p, p.supervisorToken(), conversationId)))
                    .isEmpty();

            transport.refuseSends(false);
            desk.signIn("agent1", "demo".toCharArray()).get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> desk.status().get() instanceof SessionStatus.Live
                    && desk.unsent().isEmpty());
            Journal again = desk.journal().orElseThrow();
            assertThat(again.deviceId()).isEqualTo(deviceId);
            assertThat(again.draft(conversationId)).contains("Let me check the tracking num");
            List<ConversationEvent> replies = Desks.agentMessages(
                    IncidentReplayTest.platformLog(p, p.supervisorToken(), conversationId));
            assertThat(replies).extracting(ConversationEvent::clientMessageId).containsExactlyElementsOf(unsent);
            assertThat(replies).extracting(ConversationEvent::deviceId).containsOnly(deviceId);
        }
    }

    @Test
    void signOutWithEraseRemovesTheJournalFiles() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Ivo", "en");
             AgentSession desk = new AgentSession(p.platform.baseUri(), dir.resolve("desk"), Clock.systemUTC())) {
            desk.signIn("agent1", "demo".toCharArray()).get(10, TimeUnit.SECONDS);
            SessionTest.awaitLive(desk);
            customer.send("Hello");
            Desks.awaitAssigned(desk, customer.conversationId());
            desk.journal().orElseThrow().saveDraft(customer.conversationId(), "a private draft");
            String deviceId = desk.journal().orElseThrow().deviceId();
            Path file = JournalLocation.fileFor(dir.resolve("desk"), p.platform.baseUri(), "agent1");
            assertThat(file).exists();

            desk.signOut(true).get(10, TimeUnit.SECONDS);

            try (Stream<Path> left = Files.list(file.getParent())) {
                assertThat(left.map(f -> f.getFileName().toString()))
                        .as("files left in the journal's folder").noneMatch(n -> n.startsWith("journal.db"));
            }
            // The next sign-in starts afresh: a new device, nothing of the old copy but what the platform sends.
            desk.signIn("agent1", "demo".toCharArray()).get(10, TimeUnit.SECONDS);
            SessionTest.awaitLive(desk);
            Journal fresh = desk.journal().orElseThrow();
            assertThat(fresh.deviceId()).isNotEqualTo(deviceId);
            assertThat(fresh.draft(customer.conversationId())).isEmpty();
        }
    }

    @Test
    void anotherUserOnTheSameDataDirectorySeesNoneOfTheFirstUsersWork() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer first = new TestCustomer(p.platform.baseUri(), "Lea", "en");
             TestCustomer second = new TestCustomer(p.platform.baseUri(), "Tom", "en");
             AgentSession desk = new AgentSession(p.platform.baseUri(), dir.resolve("desk"), Clock.systemUTC())) {
            desk.signIn("agent1", "demo".toCharArray()).get(10, TimeUnit.SECONDS);
            SessionTest.awaitLive(desk);
            first.send("First question");
            second.send("Second question");
            Desks.awaitAssigned(desk, first.conversationId());
            Desks.awaitAssigned(desk, second.conversationId());
            Journal agent1 = desk.journal().orElseThrow();
            agent1.saveDraft(first.conversationId(), "agent1's draft");
            desk.send(first.conversationId(), "agent1's answer").get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> desk.unsent().isEmpty());
            List<String> agent1Conversations = List.of(first.conversationId(), second.conversationId());

            // Switch user without signing out first.
            desk.signIn("agent2", "demo".toCharArray()).get(10, TimeUnit.SECONDS);
            SessionTest.awaitLive(desk);
            assertThat(desk.user()).isEqualTo("agent2");
            Journal agent2 = desk.journal().orElseThrow();
            assertThat(agent2.deviceId()).isNotEqualTo(agent1.deviceId());
            assertThat(desk.heldConversations()).extracting(ConversationSummary::id)
                    .doesNotContainAnyElementsOf(agent1Conversations);
            for (String id : agent1Conversations) {
                assertThat(desk.history(id, 0, 100)).isEmpty();
                assertThat(agent2.draft(id)).isEmpty();
            }
            assertThat(desk.unsent()).isEmpty();
            // agent1's journal was closed, not left open behind agent2's back, and is kept on disk.
            assertThatThrownBy(agent1::conversations).isInstanceOf(IllegalStateException.class);
            // agent1 was signed out of, as by signOut: the copy kept, the credential not.
            try (SqliteJournal kept = SqliteJournal.open(
                    JournalLocation.fileFor(dir.resolve("desk"), p.platform.baseUri(), "agent1"), Clock.systemUTC())) {
                assertThat(kept.conversations()).extracting(ConversationSummary::id).containsAll(agent1Conversations);
                assertThat(kept.refreshToken()).isEmpty();
            }

            // Back to agent1: their work is all there.
            desk.signIn("agent1", "demo".toCharArray()).get(10, TimeUnit.SECONDS);
            SessionTest.awaitLive(desk);
            assertThat(desk.journal().orElseThrow().deviceId()).isEqualTo(agent1.deviceId());
            assertThat(desk.heldConversations()).extracting(ConversationSummary::id)
                    .containsAll(agent1Conversations);
            assertThat(desk.journal().orElseThrow().draft(first.conversationId())).contains("agent1's draft");
        }
    }
}
