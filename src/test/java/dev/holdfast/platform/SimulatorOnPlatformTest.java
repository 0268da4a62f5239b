package dev.holdfast.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.platform.PlatformFixture.Agent;
import dev.holdfast.platform.sim.CustomerSimulator;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ServerFrame;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The customer simulator against the real platform: it opens, writes, and comes back after a drop. */
class SimulatorOnPlatformTest {
    @TempDir
    Path dir;

    @Test
    void simulatedCustomersReachAnAgentAndReconnectAfterADrop() throws Exception {
        try (PlatformFixture f = new PlatformFixture(dir);
             CustomerSimulator sim = new CustomerSimulator(f.platform.baseUri(), 2, 42)) {
            Agent agent = f.agent("agent1");
            List<ServerFrame> seen = new CopyOnWriteArrayList<>();
            sim.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                seen.addAll(agent.ws.drain());
                return seen.stream().anyMatch(fr -> fr instanceof ServerFrame.Event e && e.event().isMessage()
                        && e.event().author().kind() == AuthorKind.CUSTOMER);
            });
            assertThat(sim.stats().conversationsOpened()).isGreaterThanOrEqualTo(1);
            long acked = sim.stats().messagesAcked();
            assertThat(acked).isGreaterThanOrEqualTo(1);

            f.http.post("/admin/drop-connections", PlatformFixture.ADMIN, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> sim.stats().reconnects() >= 1);
        }
    }
}
