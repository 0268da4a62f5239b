package dev.holdfast.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.protocol.http.CustomerOpenRequest;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole simulator on real threads and a real HTTP client against {@link FakeCustomerEndpoint}:
 * conversations open over HTTP; the endpoint refuses WebSocket upgrades, so the customers keep
 * reconnecting with backoff until closed.
 */
class CustomerSimulatorLoopbackTest {
    private final FakeCustomerEndpoint endpoint = new FakeCustomerEndpoint();

    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    @Test
    void opensConversationsAndKeepsRetryingTheSocketUntilClosed() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorScheduler scheduler = ExecutorScheduler.singleThreaded("sim-test");
        try {
            CustomerSimulator simulator = new CustomerSimulator(endpoint.baseUrl(), 2, 5, http, scheduler);
            simulator.start();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                CustomerSimulator.Stats stats = simulator.stats();
                assertThat(stats.conversationsOpened()).isEqualTo(2);
                assertThat(stats.reconnects()).isGreaterThanOrEqualTo(4);
            });
            assertThat(endpoint.opened).extracting(CustomerOpenRequest::channel).containsOnly("web");
            assertThat(endpoint.opened).extracting(CustomerOpenRequest::language)
                    .allMatch(language -> language.equals("en") || language.equals("es"));

            simulator.close();
            int dialsAtClose = endpoint.upgrades.get();
            // at most the dials already in flight land after close, then nothing more
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                    .until(() -> endpoint.upgrades.get() <= dialsAtClose + 2);
            assertThat(simulator.stats().messagesSent()).isZero();
        } finally {
            scheduler.close();
            assertThat(scheduler.awaitTermination(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void withItsOwnThreadItShutsThatThreadDownOnClose() {
        CustomerSimulator simulator = new CustomerSimulator(endpoint.baseUrl(), 1, 9);
        simulator.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> simulator.stats().conversationsOpened() == 1);
        simulator.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("customer-sim")));
    }
}
