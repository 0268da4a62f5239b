package dev.holdfast.platform.sim;

import dev.holdfast.protocol.Backoff;
import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.platform.sim.FakeCustomerTransport.FakeConnection;
import dev.holdfast.platform.sim.FakeCustomerTransport.Sent;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.EventKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimulatedCustomerTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeCustomerTransport transport = new FakeCustomerTransport(scheduler);
    private final CustomerEnvironment env = CustomerEnvironment.standard(transport, scheduler);
    private final List<SimulatedCustomer> left = new ArrayList<>();

    private SimulatedCustomer customer(long seed) {
        return new SimulatedCustomer("customer-test", seed, env, left::add);
    }

    private SimulatedCustomer startedAndWelcomed(long seed) {
        SimulatedCustomer customer = customer(seed);
        customer.start();
        transport.last().welcome();
        return customer;
    }

    private ClientFrame.Send awaitSend(FakeConnection connection) {
        int before = connection.sent(ClientFrame.Send.class).size();
        assertThat(scheduler.advanceUntil(() -> connection.sent(ClientFrame.Send.class).size() > before,
                Duration.ofMinutes(2))).as("a message is sent").isTrue();
        List<ClientFrame.Send> sends = connection.sent(ClientFrame.Send.class);
        return sends.get(sends.size() - 1);
    }

    @Test
    void opensItsConversationThenSaysHelloWithTokenCustomerIdAndCursor() {
        SimulatedCustomer customer = customer(1);
        customer.start();

        assertThat(transport.opens).containsExactly(customer.script().openRequest());
        assertThat(env.counters().snapshot().conversationsOpened()).isEqualTo(1);
        ClientFrame.Hello hello = transport.last().hello();
        assertThat(hello.protocol()).isEqualTo(1);
        assertThat(hello.token()).isEqualTo("token-1");
        assertThat(hello.deviceId()).isEqualTo("cust-1");
        assertThat(hello.cursors()).isEqualTo(Map.of("conv-1", 0L));
        assertThat(hello.epoch()).isNull();
        assertThat(hello.sessionId()).isNull();
        assertThat(customer.conversationId()).isEqualTo("conv-1");
    }

    @Test
    void typesForOneToFourSecondsBeforeEachLineThenStopsTypingAndSends() {
        SimulatedCustomer customer = startedAndWelcomed(2);
        FakeConnection connection = transport.last();
        ClientFrame.Send first = awaitSend(connection);

        List<Sent> frames = connection.sent;
        int sendAt = indexOf(frames, first);
        Sent typingOn = frames.get(sendAt - 2);
        Sent typingOff = frames.get(sendAt - 1);
        assertThat(typingOn.frame()).isEqualTo(new ClientFrame.Typing("conv-1", true));
        assertThat(typingOff.frame()).isEqualTo(new ClientFrame.Typing("conv-1", false));
        assertThat(frames.get(sendAt).at() - typingOn.at()).isBetween(1_000L, 4_000L);
        assertThat(typingOff.at()).isEqualTo(frames.get(sendAt).at());
        assertThat(first.text()).isEqualTo(customer.script().lines().get(0));
        assertThat(first.conversationId()).isEqualTo("conv-1");
        assertThat(env.counters().snapshot().messagesSent()).isEqualTo(1);
    }

    @Test
    void afterAReconnectUnackedMessagesAreResentWithTheSameIdsAndTheHelloCarriesTheCursor() {
        SimulatedCustomer customer = startedAndWelcomed(3);
        FakeConnection first = transport.last();
        first.event("conv-1", 1, EventKind.OPENED, AuthorKind.SYSTEM);
        first.event("conv-1", 2, EventKind.ASSIGNED, AuthorKind.SYSTEM);
        ClientFrame.Send line1 = awaitSend(first);
        first.ack(line1, 3);
        first.event("conv-1", 3, EventKind.MESSAGE, AuthorKind.CUSTOMER);
        ClientFrame.Send line2 = awaitSend(first);
        ClientFrame.Send line3 = awaitSend(first);
        assertThat(customer.unacknowledged()).isEqualTo(2);
        assertThat(customer.lastSeenSeq()).isEqualTo(3);

        first.closeFromPlatform(1006);
        assertThat(env.counters().snapshot().reconnects()).isEqualTo(1);
        scheduler.advance(Backoff.DEFAULT.ceiling(0));

        assertThat(transport.accepted()).hasSize(2);
        FakeConnection second = transport.last();
        assertThat(second.hello().cursors()).isEqualTo(Map.of("conv-1", 3L));
        assertThat(second.hello().token()).isEqualTo("token-1");
        assertThat(second.sent(ClientFrame.Send.class)).as("nothing before welcome").isEmpty();

        second.welcome();
        assertThat(second.sent(ClientFrame.Send.class)).containsExactly(line2, line3);
        assertThat(transport.opens).as("same conversation").hasSize(1);

        second.ack(line2, 4);
        second.ack(line3, 5);
        second.ack(line3, 5); // the platform's answer to a duplicate is the same ack
        assertThat(customer.unacknowledged()).isZero();
        CustomerSimulator.Stats stats = env.counters().snapshot();
        assertThat(stats.messagesSent()).as("resends are not new messages").isEqualTo(3);
        assertThat(stats.messagesAcked()).isEqualTo(3);
        assertThat(first.sentAfterClose).isEmpty();
    }

    @Test
    void messagesWrittenWhileDisconnectedGoOutAfterTheNextWelcome() {
        startedAndWelcomed(4);
        FakeConnection first = transport.last();
        transport.refuseConnections = 100;
        first.closeFromPlatform(1001);
        scheduler.advance(Duration.ofSeconds(60));
        assertThat(first.sent(ClientFrame.Send.class)).isEmpty();

        transport.refuseConnections = 0;
        assertThat(scheduler.advanceUntil(() -> transport.accepted().size() == 2, Duration.ofSeconds(31))).isTrue();
        FakeConnection second = transport.last();
        second.welcome();
        List<ClientFrame.Send> sends = second.sent(ClientFrame.Send.class);
        assertThat(sends).isNotEmpty();
        assertThat(sends).extracting(ClientFrame.Send::clientMessageId).doesNotHaveDuplicates();
    }

    @Test
    void reconnectsUseGrowingFullJitterBackoffAndResetAfterAWelcome() {
        startedAndWelcomed(5);
        FakeConnection first = transport.last();
        transport.refuseConnections = 6;
        first.closeFromPlatform(4003);

        List<Long> dialTimes = new ArrayList<>();
        long droppedAt = scheduler.nowMillis();
        while (transport.accepted().size() < 2) {
            int dials = transport.connections.size();
            assertThat(scheduler.advanceUntil(() -> transport.connections.size() > dials, Duration.ofSeconds(31)))
                    .isTrue();
            dialTimes.add(scheduler.nowMillis());
        }
        assertThat(dialTimes).hasSize(7);
        long previous = droppedAt;
        for (int n = 0; n < dialTimes.size(); n++) {
            assertThat(dialTimes.get(n) - previous).as("wait before dial " + n)
                    .isBetween(0L, Backoff.DEFAULT.ceiling(n).toMillis());
            previous = dialTimes.get(n);
        }
        assertThat(env.counters().snapshot().reconnects()).isEqualTo(7);

        transport.last().welcome();
        transport.last().closeFromPlatform(1006);
        long dropped = scheduler.nowMillis();
        int dials = transport.connections.size();
        scheduler.advanceUntil(() -> transport.connections.size() > dials, Duration.ofSeconds(1));
        assertThat(scheduler.nowMillis() - dropped).as("backoff starts over").isLessThanOrEqualTo(250);
    }

    @Test
    void pingsEveryFifteenSecondsAndReconnectsAfterThirtySecondsOfSilence() {
        transport.answerPings = false;
        startedAndWelcomed(6);
        FakeConnection first = transport.last();
        long welcomedAt = scheduler.nowMillis();

        scheduler.advance(Duration.ofSeconds(15));
        assertThat(first.sent(ClientFrame.Ping.class)).hasSize(1);
        assertThat(first.aborted).isFalse();
        first.deliver(new dev.holdfast.protocol.ServerFrame.Pong("ping-1", 0)); // at 15 s: alive until 45 s
        scheduler.advance(Duration.ofSeconds(29));
        assertThat(first.aborted).isFalse();
        assertThat(first.sent(ClientFrame.Ping.class)).hasSize(2);

        scheduler.advance(Duration.ofSeconds(1));
        assertThat(first.aborted).isTrue();
        assertThat(scheduler.nowMillis() - welcomedAt).isEqualTo(45_000);
        assertThat(env.counters().snapshot().reconnects()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(250));
        assertThat(transport.accepted()).hasSize(2);
        int pingsBefore = first.sent(ClientFrame.Ping.class).size();
        scheduler.advance(Duration.ofSeconds(20));
        assertThat(first.sent(ClientFrame.Ping.class)).as("the old socket is left alone").hasSize(pingsBefore);
    }

    @Test
    void anExpiredOrRefusedTokenStartsANewConversation() {
        SimulatedCustomer customer = startedAndWelcomed(7);
        FakeConnection first = transport.last();
        awaitSend(first);

        first.error(ErrorCode.TOKEN_EXPIRED, null);
        first.closeFromPlatform(4001);
        scheduler.runDue();

        assertThat(first.closed).isTrue();
        assertThat(transport.opens).hasSize(2);
        assertThat(customer.conversationId()).isEqualTo("conv-2");
        assertThat(customer.unacknowledged()).isZero();
        FakeConnection second = transport.last();
        assertThat(second.hello().token()).isEqualTo("token-2");
        assertThat(second.hello().cursors()).isEqualTo(Map.of("conv-2", 0L));
        assertThat(env.counters().snapshot().conversationsOpened()).isEqualTo(2);
        assertThat(env.counters().snapshot().reconnects()).as("not a reconnect").isZero();

        second.welcome();
        ClientFrame.Send again = awaitSend(second);
        assertThat(again.conversationId()).isEqualTo("conv-2");
        assertThat(again.text()).isEqualTo(customer.script().lines().get(0));
    }

    @Test
    void aCloseWithCode4001AlsoStartsAgainButNotInATightLoop() {
        SimulatedCustomer customer = customer(8);
        customer.start();
        transport.last().closeFromPlatform(4001); // refused before any welcome: wait a backoff first
        scheduler.advance(Backoff.DEFAULT.ceiling(0));
        assertThat(transport.opens).hasSize(2);
        assertThat(customer.conversationId()).isEqualTo("conv-2");
    }

    @Test
    void leavesWhenAnAgentClosesTheConversation() {
        SimulatedCustomer customer = startedAndWelcomed(9);
        FakeConnection connection = transport.last();
        awaitSend(connection);
        connection.event("conv-1", 5, EventKind.CLOSED, AuthorKind.AGENT);
        scheduler.runDue();

        assertThat(left).containsExactly(customer);
        assertThat(customer.hasLeft()).isTrue();
        assertThat(connection.closed).isTrue();
        int framesAtLeave = connection.sent.size();
        scheduler.advance(Duration.ofMinutes(10));
        assertThat(connection.sent).hasSize(framesAtLeave);
        assertThat(connection.sentAfterClose).isEmpty();
        assertThat(transport.accepted()).hasSize(1);
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void writesTheWholeScriptInOrderAndLeavesAfterTheGoodbyeIsDelivered() {
        transport.autoReply = true;
        SimulatedCustomer customer = customer(10);
        customer.start();
        assertThat(scheduler.advanceUntil(() -> !left.isEmpty(), Duration.ofMinutes(30))).isTrue();

        FakeConnection connection = transport.last();
        assertThat(connection.sent(ClientFrame.Send.class)).extracting(ClientFrame.Send::text)
                .containsExactlyElementsOf(customer.script().lines());
        assertThat(connection.sent(ClientFrame.Send.class)).extracting(ClientFrame.Send::clientMessageId)
                .doesNotHaveDuplicates();
        assertThat(customer.unacknowledged()).isZero();
        assertThat(connection.closed).isTrue();
        assertThat(env.counters().snapshot().messagesAcked()).isEqualTo(customer.script().lines().size());
    }

    @Test
    void answersSoonerAfterAnAgentReply() {
        startedAndWelcomed(11);
        FakeConnection connection = transport.last();
        ClientFrame.Send first = awaitSend(connection);
        connection.ack(first, 2);
        connection.event("conv-1", 3, EventKind.MESSAGE, AuthorKind.AGENT);
        long repliedAt = scheduler.nowMillis();
        awaitSend(connection);
        assertThat(scheduler.nowMillis() - repliedAt)
                .isLessThanOrEqualTo(Pacing.MAX_AFTER_REPLY.plus(Pacing.MAX_TYPING).toMillis());
    }

    @Test
    void rateLimitedSendsAreRetriedWithTheSameIdAfterTheGivenDelay() {
        startedAndWelcomed(12);
        FakeConnection connection = transport.last();
        ClientFrame.Send send = awaitSend(connection);
        connection.deliver(new dev.holdfast.protocol.ServerFrame.Error(ErrorCode.RATE_LIMITED, "slow down",
                send.clientMessageId(), "conv-1", 2_000L, null));
        scheduler.advance(Duration.ofMillis(1_999));
        assertThat(connection.sent(ClientFrame.Send.class)).filteredOn(s -> s.equals(send)).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(connection.sent(ClientFrame.Send.class)).filteredOn(s -> s.equals(send)).hasSize(2);
    }

    @Test
    void retriesOpeningWhileThePlatformIsUnreachable() {
        transport.refuseOpens = 3;
        SimulatedCustomer customer = customer(13);
        customer.start();
        assertThat(scheduler.advanceUntil(() -> customer.conversationId() != null, Duration.ofSeconds(5))).isTrue();
        assertThat(transport.opens).hasSize(4);
        assertThat(env.counters().snapshot().conversationsOpened()).isEqualTo(1);
    }

    @Test
    void stopClosesTheSocketAndNothingHappensAfterwards() {
        SimulatedCustomer customer = startedAndWelcomed(14);
        FakeConnection connection = transport.last();
        customer.stop();
        assertThat(connection.closed).isTrue();
        connection.event("conv-1", 9, EventKind.MESSAGE, AuthorKind.AGENT);
        connection.closeFromPlatform(1006);
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(connection.sent(ClientFrame.Send.class)).isEmpty();
        assertThat(connection.sentAfterClose).isEmpty();
        assertThat(transport.connections).hasSize(1);
        assertThat(left).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameFramesAtTheSameTimes() {
        assertThat(recordedRun(21)).isEqualTo(recordedRun(21));
        assertThat(recordedRun(21)).isNotEqualTo(recordedRun(22));
    }

    /** Ten simulated minutes against an auto-replying fake, with one dropped socket. */
    private static List<Sent> recordedRun(long seed) {
        ManualScheduler scheduler = new ManualScheduler();
        FakeCustomerTransport transport = new FakeCustomerTransport(scheduler);
        transport.autoReply = true;
        CustomerEnvironment env = CustomerEnvironment.standard(transport, scheduler);
        new SimulatedCustomer("c", seed, env, c -> { }).start();
        scheduler.advance(Duration.ofSeconds(20));
        transport.last().closeFromPlatform(1006);
        scheduler.advance(Duration.ofMinutes(10));
        List<Sent> all = new ArrayList<>();
        transport.accepted().forEach(c -> all.addAll(c.sent));
        assertThat(all).hasSizeGreaterThan(5);
        return all;
    }

    @Test
    void seededUuidsAreVersion4AndRepeatable() {
        var a = SimulatedCustomer.randomUuid(new Random(5));
        assertThat(a.version()).isEqualTo(4);
        assertThat(a.variant()).isEqualTo(2);
        assertThat(SimulatedCustomer.randomUuid(new Random(5))).isEqualTo(a);
    }

    private static int indexOf(List<Sent> frames, ClientFrame frame) {
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).frame().equals(frame)) {
                return i;
            }
        }
        throw new AssertionError("not sent: " + frame);
    }
}
