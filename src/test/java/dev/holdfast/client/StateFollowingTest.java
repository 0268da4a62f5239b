package dev.holdfast.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.session.AgentSession;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.http.VersionedAction;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A conversation closed or transferred by someone else: the platform tells the former assignee by
 * the event alone, and the desk's journal follows it, so the next start does not put it back on
 * the agent's list.
 */
class StateFollowingTest {
    @TempDir
    Path dir;

    @Test
    void aCloseOrTransferMadeElsewhereReachesTheJournalAndOutlivesARestart() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5)) {
            Path deskDir = dir.resolve("desk");
            String closedId;
            String transferredId;
            try (AgentSession desk = new AgentSession(p.platform.baseUri(), deskDir, Clock.systemUTC());
                 TestCustomer ann = new TestCustomer(p.platform.baseUri(), "Ann", "en");
                 TestCustomer bob = new TestCustomer(p.platform.baseUri(), "Bob", "en")) {
                desk.signIn("agent1", "demo".toCharArray()).get();
                SessionTest.awaitLive(desk);
                ann.send("Hello");
                bob.send("Hi there");
                closedId = ann.conversationId();
                transferredId = bob.conversationId();
                Desks.awaitAssigned(desk, closedId);
                Desks.awaitAssigned(desk, transferredId);

                String supervisor = p.supervisorToken();
                p.http.post("/v1/conversations/" + closedId + "/close", supervisor,
                        new VersionedAction(onPlatform(p, closedId).version(), null, "duplicate"))
                        .as(ConversationSummary.class);
                p.http.post("/v1/conversations/" + transferredId + "/reassign", supervisor,
                        new VersionedAction(onPlatform(p, transferredId).version(), "agent2", "workload"))
                        .as(ConversationSummary.class);

                await().atMost(Duration.ofSeconds(10)).until(() -> held(desk, closedId).status() == ConversationStatus.CLOSED
                        && "agent2".equals(held(desk, transferredId).assignee()));
                assertThat(held(desk, closedId).version()).isEqualTo(onPlatform(p, closedId).version());
                assertThat(held(desk, transferredId).version()).isEqualTo(onPlatform(p, transferredId).version());
            }
            // The next start reads the journal before anything comes from the platform.
            try (AgentSession again = new AgentSession(p.platform.baseUri(), deskDir, Clock.systemUTC())) {
                again.signIn("agent1", "demo".toCharArray()).get();
                assertThat(held(again, closedId).status()).isEqualTo(ConversationStatus.CLOSED);
                assertThat(held(again, transferredId).assignee()).isEqualTo("agent2");
            }
        }
    }

    private static ConversationSummary held(AgentSession desk, String id) {
        return desk.heldConversations().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static ConversationSummary onPlatform(TestPlatform p, String id) {
        return p.http.get("/v1/conversations/" + id, p.supervisorToken()).as(ConversationSummary.class);
    }
}
