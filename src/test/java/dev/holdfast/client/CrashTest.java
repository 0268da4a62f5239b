package dev.holdfast.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.JournalLocation;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.client.journal.sqlite.SqliteJournal;
import dev.holdfast.protocol.ConversationEvent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless agent in a child JVM, killed with SIGKILL in the two windows where a message could
 * be lost or doubled — journaled but not yet sent, and sent but its acknowledgement not yet
 * recorded — then started again on the same data directory. Each message reaches the platform
 * exactly once (by device id and client message id) and the journal ends with it SENT.
 *
 * <p>The windows are held open with the agent's test-only hooks ({@code holdfast.test.holdOutbox},
 * {@code holdfast.test.dropAcks}); the agent's {@code --auto-reply} composes the message.
 */
class CrashTest {
    private static final Duration CHILD_WAIT = Duration.ofSeconds(25);

    @TempDir
    Path dir;

    @Test
    void killedAfterJournalingBeforeSending() throws Exception {
        crashAndRestart("holdfast.test.holdOutbox", "QUEUED", false);
    }

    @Test
    void killedAfterSendingBeforeTheAckIsRecorded() throws Exception {
        crashAndRestart("holdfast.test.dropAcks", "SENDING", true);
    }

    /**
     * A customer writes; the agent (with {@code hook} on) answers; the answer reaches the state
     * {@code heldState} and the platform has it ({@code onPlatformBeforeKill}) or not; SIGKILL;
     * restart without hooks; the customer writes again and gets a second answer.
     */
    private void crashAndRestart(String hook, String heldState, boolean onPlatformBeforeKill) throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Ola", "en")) {
            URI server = p.platform.baseUri();
            Path passwordFile = dir.resolve("password.txt");
            Files.writeString(passwordFile, "demo\n");
            Path dataDir = dir.resolve("agent-data");
            String[] args = {"agent", "--server", server.toString(), "--user", "agent1", "--password-file",
                passwordFile.toString(), "--data-dir", dataDir.toString(), "--json", "--auto-reply"};
            Path journalFile = JournalLocation.fileFor(dataDir, server, "agent1");
            String sup = p.supervisorToken();
            String conversationId = customer.conversationId();

            String heldId;
            try (ChildJvm first = ChildJvm.start(dir.resolve("first.err"), Map.of(hook, "true"), args)) {
                first.awaitJson("live", CHILD_WAIT, ChildJvm.connection("live"));
                customer.send("My order never came.");
                first.awaitJson("the customer's message", CHILD_WAIT, n -> ChildJvm.type("message_received").test(n)
                        && n.path("conversationId").asText().equals(conversationId));
                await().atMost(CHILD_WAIT).until(() -> Desks.outboxOnDisk(journalFile).containsValue(heldState));
                Map<String, String> outbox = Desks.outboxOnDisk(journalFile);
                assertThat(outbox).hasSize(1).containsValue(heldState);
                heldId = outbox.keySet().iterator().next();
                if (onPlatformBeforeKill) {
                    await().atMost(CHILD_WAIT).until(() -> Desks.agentMessages(
                            IncidentReplayTest.platformLog(p, sup, conversationId)).size() == 1);
                } else {
                    assertThat(Desks.agentMessages(IncidentReplayTest.platformLog(p, sup, conversationId))).isEmpty();
                }
                first.kill();
                assertThat(first.lines).noneMatch(l -> l.contains("\"message_acknowledged\""));
            }
            // The window was held: nothing moved on while it was dead.
            assertThat(Desks.outboxOnDisk(journalFile)).containsExactly(Map.entry(heldId, heldState));

            try (ChildJvm second = ChildJvm.start(dir.resolve("second.err"), Map.of(), args)) {
                second.awaitJson("the held message acknowledged", CHILD_WAIT,
                        n -> ChildJvm.type("message_acknowledged").test(n)
                                && n.path("clientMessageId").asText().equals(heldId));
                // Caught up and answering: a new line gets a new answer, and the old one was not answered twice.
                customer.send("Hello? Still there?");
                await().atMost(CHILD_WAIT).until(() -> Desks.agentMessages(
                        IncidentReplayTest.platformLog(p, sup, conversationId)).size() >= 2
                        && Desks.outboxOnDisk(journalFile).values().stream().allMatch("SENT"::equals));
                second.terminate();
                second.awaitExit(CHILD_WAIT);
            }

            List<ConversationEvent> log = IncidentReplayTest.platformLog(p, sup, conversationId);
            List<ConversationEvent> answers = Desks.agentMessages(log);
            assertThat(answers).as("two customer lines, two answers").hasSize(2);
            assertThat(answers.get(0).clientMessageId()).isEqualTo(heldId);
            assertThat(answers).extracting(e -> e.deviceId() + "/" + e.clientMessageId()).doesNotHaveDuplicates();
            assertThat(answers).extracting(ConversationEvent::deviceId).containsOnly(answers.get(0).deviceId());
            try (SqliteJournal journal = SqliteJournal.open(journalFile, Clock.systemUTC())) {
                assertThat(journal.deviceId()).isEqualTo(answers.get(0).deviceId());
                OutboxEntry held = journal.outboxEntry(heldId).orElseThrow();
                assertThat(held.state()).isEqualTo(DeliveryState.SENT);
                assertThat(held.serverId()).isEqualTo(answers.get(0).id());
                assertThat(held.seq()).isEqualTo(answers.get(0).seq());
                assertThat(journal.pending()).isEmpty();
                assertThat(journal.verify().ok()).isTrue();
            }
        }
    }
}
