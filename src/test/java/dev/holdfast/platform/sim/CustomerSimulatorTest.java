package dev.holdfast.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.holdfast.platform.sim.FakeCustomerTransport.FakeConnection;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CustomerSimulatorTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeCustomerTransport transport = new FakeCustomerTransport(scheduler);

    @Test
    void customersArriveStaggeredNotAllAtOnce() {
        CustomerSimulator simulator = new CustomerSimulator(transport, 10, 1, scheduler);
        simulator.start();
        scheduler.runDue();
        assertThat(transport.opens).hasSize(1);

        scheduler.advance(Pacing.MAX_STAGGER.multipliedBy(9));
        assertThat(transport.opens).hasSize(10);
        assertThat(simulator.stats().conversationsOpened()).isEqualTo(10);
        assertThat(transport.opens).extracting(CustomerOpenRequest::name).doesNotHaveDuplicates();
        simulator.close();
    }

    @Test
    void aCustomerWhoLeavesIsReplacedAfterAPause() {
        CustomerSimulator simulator = new CustomerSimulator(transport, 1, 2, scheduler);
        simulator.start();
        scheduler.runDue();
        FakeConnection first = transport.last();
        first.welcome();
        first.event("conv-1", 2, EventKind.CLOSED, AuthorKind.AGENT);
        scheduler.runDue();
        assertThat(simulator.customers()).isEmpty();
        assertThat(first.closed).isTrue();

        scheduler.advance(Pacing.MIN_REPLACEMENT.minusMillis(1));
        assertThat(transport.opens).hasSize(1);
        scheduler.advance(Pacing.MAX_REPLACEMENT);
        assertThat(transport.opens).hasSize(2);
        assertThat(simulator.customers()).hasSize(1);
        simulator.close();
    }

    @Test
    void keepsTheNumberOfCustomersOverALongRun() {
        transport.autoReply = true;
        CustomerSimulator simulator = new CustomerSimulator(transport, 5, 3, scheduler);
        simulator.start();
        scheduler.advance(Duration.ofHours(1));

        CustomerSimulator.Stats stats = simulator.stats();
        assertThat(stats.conversationsOpened()).as("customers left and were replaced").isGreaterThan(10);
        assertThat(stats.messagesSent()).isGreaterThan(stats.conversationsOpened() * 3);
        assertThat(stats.messagesAcked()).isBetween(stats.messagesSent() - 5, stats.messagesSent());
        assertThat(simulator.customers()).hasSizeBetween(1, 5);
        List<String> languages = transport.opens.stream().map(CustomerOpenRequest::language).distinct()
                .collect(Collectors.toList());
        assertThat(languages).containsExactlyInAnyOrder("en", "es");
        simulator.close();
    }

    @Test
    void closeStopsEverythingAtOnce() {
        transport.autoReply = true;
        CustomerSimulator simulator = new CustomerSimulator(transport, 4, 4, scheduler);
        simulator.start();
        scheduler.advance(Duration.ofSeconds(1)); // some have arrived, some not yet
        assertThat(transport.opens.size()).isBetween(1, 3);

        simulator.close();
        assertThat(transport.accepted()).allMatch(c -> c.closed);
        int opens = transport.opens.size();
        int frames = transport.accepted().stream().mapToInt(c -> c.sent.size()).sum();
        scheduler.advance(Duration.ofHours(1));
        assertThat(transport.opens).hasSize(opens);
        assertThat(transport.accepted().stream().mapToInt(c -> c.sent.size()).sum()).isEqualTo(frames);
        assertThat(transport.accepted()).allMatch(c -> c.sentAfterClose.isEmpty());
        assertThat(scheduler.pending()).isZero();

        simulator.close(); // twice is fine
        assertThatThrownBy(simulator::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameSeedGivesTheSameCustomers() {
        assertThat(openedWith(77)).isEqualTo(openedWith(77)).isNotEqualTo(openedWith(78));
    }

    private static List<CustomerOpenRequest> openedWith(long seed) {
        ManualScheduler scheduler = new ManualScheduler();
        FakeCustomerTransport transport = new FakeCustomerTransport(scheduler);
        try (CustomerSimulator simulator = new CustomerSimulator(transport, 6, seed, scheduler)) {
            simulator.start();
            scheduler.advance(Duration.ofSeconds(10));
        }
        return transport.opens;
    }
}
