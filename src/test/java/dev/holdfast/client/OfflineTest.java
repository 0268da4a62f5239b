package dev.holdfast.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.Journal;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.protocol.ConversationEvent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform goes away (a durable one, restarted on the same port and files): the desk says it
 * is offline, keeps every message typed meanwhile as queued on disk, and delivers each once, in
 * the order typed, when the platform is back. The restart keeps the epoch, so the desk gets
 * SESSION_UNKNOWN and catches up from its cursors — no restore.
 */
class OfflineTest {
    private static final int WHILE_DOWN = 20;

    @TempDir
    Path dir;

    @Test
    void messagesTypedWhileThePlatformIsDownAreDeliveredOnceInOrder() throws Exception {
        int port = Desks.freePort();
        String store = "sqlite:" + dir.resolve("platform-store.db");
        TestPlatform p = TestPlatform.start(dir, store, 5, port);
        URI server = p.platform.baseUri();
        String epoch = p.platform.store().epoch();
        Path deskDir = dir.resolve("desk");
        try (AgentSession desk = new AgentSession(server, deskDir, Clock.systemUTC())) {
            desk.signIn("agent1", "demo".toCharArray()).get(10, TimeUnit.SECONDS);
            SessionTest.awaitLive(desk);
            String conversationId;
            try (TestCustomer customer = new TestCustomer(server, "Ana", "en")) {
                conversationId = customer.conversationId();
                customer.send("Is anyone there?");
                Desks.awaitAssigned(desk, conversationId);
            }
            Journal journal = desk.journal().orElseThrow();
            await().atMost(Duration.ofSeconds(10)).until(() -> journal.allEvents(conversationId).stream()
                    .anyMatch(e -> "Is anyone there?".equals(e.text())));

            p.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> desk.status().get() instanceof SessionStatus.Offline
                    || desk.status().get() instanceof SessionStatus.Reconnecting);

            List<String> composed = new ArrayList<>();
            for (int i = 1; i <= WHILE_DOWN; i++) {
                OutboxEntry entry = desk.send(conversationId, "offline line " + i).get(5, TimeUnit.SECONDS);
                assertThat(entry.state()).isEqualTo(DeliveryState.QUEUED);
                composed.add(entry.clientMessageId());
            }
            // Durable: committed to the file, as another connection reads it, and still queued.
            Map<String, String> onDisk = Desks.outboxOnDisk(Desks.journalFile(deskDir, server, "agent1"));
            assertThat(onDisk.keySet()).containsExactlyElementsOf(composed);
            assertThat(onDisk.values()).containsOnly("QUEUED");
            assertThat(desk.unsent()).extracting(OutboxEntry::clientMessageId).containsExactlyElementsOf(composed);
            // With unsent work the desk says "offline" (at its next attempt, after at most one backoff delay).
            await().atMost(Duration.ofSeconds(20)).until(() -> desk.status().get() instanceof SessionStatus.Offline o
                    && o.unsent() > 0);

            p = TestPlatform.start(dir, store, 5, port);
            assertThat(p.platform.store().epoch()).as("a durable restart keeps the epoch").isEqualTo(epoch);

            await().atMost(Duration.ofSeconds(40)).until(() -> desk.status().get() instanceof SessionStatus.Live
                    && desk.unsent().isEmpty());
            assertThat(desk.status().get()).isEqualTo(new SessionStatus.Live(epoch));

            String sup = p.supervisorToken();
            List<ConversationEvent> log = IncidentReplayTest.platformLog(p, sup, conversationId);
            List<ConversationEvent> replies = Desks.agentMessages(log);
            // Exactly once each, in the order composed, from this desk.
            assertThat(replies).extracting(ConversationEvent::clientMessageId).containsExactlyElementsOf(composed);
            assertThat(replies).extracting(ConversationEvent::text)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, WHILE_DOWN)
                            .mapToObj(i -> "offline line " + i).toList());
            assertThat(replies).extracting(ConversationEvent::deviceId).containsOnly(journal.deviceId());
            assertThat(log).extracting(ConversationEvent::seq)
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, log.size()).boxed().toList());

            // The journal: every entry SENT with the platform's id and seq, and the same log event for event.
            for (int i = 0; i < composed.size(); i++) {
                OutboxEntry sent = journal.outboxEntry(composed.get(i)).orElseThrow();
                assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
                assertThat(sent.serverId()).isEqualTo(replies.get(i).id());
                assertThat(sent.seq()).isEqualTo(replies.get(i).seq());
            }
            await().atMost(Duration.ofSeconds(10)).until(
                    () -> journal.cursor(conversationId) == log.get(log.size() - 1).seq());
            assertThat(journal.allEvents(conversationId)).isEqualTo(log);
            // It caught up through a new session, not a restore.
            assertThat(journal.epoch()).contains(epoch);
            assertThat(journal.recentLog(200)).noneMatch(e -> e.kind().equals("recovery"));
            assertThat(journal.recentLog(200)).anyMatch(e -> e.detail().contains("the platform restarted"));
        } finally {
            p.close();
        }
    }
}
