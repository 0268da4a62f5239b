package dev.holdfast.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.ConversationEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session against a real platform: sign in, receive, reply, and the journal holds it all. */
class SessionTest {
    @TempDir
    Path dir;

    static void awaitLive(AgentSession s) {
        await().atMost(Duration.ofSeconds(20)).until(() -> s.status().get() instanceof SessionStatus.Live);
    }

    @Test
    void signInReceiveAndReplyEndToEnd() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             AgentSession s = new AgentSession(p.platform.baseUri(), dir.resolve("desk"), Clock.systemUTC())) {
            List<SessionUpdate> updates = new CopyOnWriteArrayList<>();
            s.subscribe(updates::add);
            s.signIn("agent1", "demo".toCharArray()).get();
            awaitLive(s);

            try (TestCustomer c = new TestCustomer(p.platform.baseUri(), "María", "es")) {
                c.send("Hola, ¿me ayudas?");
                await().atMost(Duration.ofSeconds(10)).until(() -> s.history(c.conversationId(), 0, 100).stream()
                        .anyMatch(e -> "Hola, ¿me ayudas?".equals(e.text())));

                OutboxEntry queued = s.send(c.conversationId(), "¡Claro que sí!").get();
                assertThat(queued.state()).isEqualTo(DeliveryState.QUEUED);
                await().atMost(Duration.ofSeconds(10)).until(() -> s.unsent().isEmpty());
                List<ConversationEvent> history = s.history(c.conversationId(), 0, 100);
                assertThat(history).extracting(ConversationEvent::text).containsSubsequence("Hola, ¿me ayudas?",
                        "¡Claro que sí!");
                assertThat(history).extracting(ConversationEvent::seq)
                        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, history.size()).boxed().toList());
                assertThat(updates).anyMatch(u -> u instanceof SessionUpdate.DeliveryChanged d
                        && d.entry().state() == DeliveryState.SENT);
            }
        }
    }
}
