package dev.holdfast.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.journal.Journal;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.http.EventPage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident, replayed: a volatile platform, three agents with ten conversations each,
 * messages flowing both ways, and the live store wiped mid-stream. Every desk recovers by itself;
 * afterwards the platform holds every message any desk journaled or any customer sent, none
 * missing, none twice, in order; and every desk's journal matches the platform.
 */
class IncidentReplayTest {
    private static final int AGENTS = 3;
    private static final int PER_AGENT = 10;
    private static final int ROUNDS = 4;

    @TempDir
    Path dir;

    @Test
    void aWipeMidStreamLosesNothingAndDuplicatesNothing() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", PER_AGENT)) {
            List<AgentSession> desks = new ArrayList<>();
            Map<AgentSession, Set<String>> composed = new HashMap<>();
            Map<AgentSession, List<SessionUpdate>> recoveries = new HashMap<>();
            try {
                for (int i = 1; i <= AGENTS; i++) {
                    AgentSession desk = new AgentSession(p.platform.baseUri(), dir.resolve("desk" + i),
                            Clock.systemUTC());
                    desks.add(desk);
                    Set<String> ids = ConcurrentHashMap.newKeySet();
                    composed.put(desk, ids);
                    Set<String> answered = ConcurrentHashMap.newKeySet();
                    List<SessionUpdate> recovery = new CopyOnWriteArrayList<>();
                    recoveries.put(desk, recovery);
                    // Each desk answers every customer message once, like an agent would.
                    desk.subscribe(update -> {
                        if (update instanceof SessionUpdate.RecoveryStarted || update instanceof SessionUpdate.RecoveryFinished) {
                            recovery.add(update);
                        }
                        if (update instanceof SessionUpdate.EventsApplied a) {
                            for (ConversationEvent e : a.events()) {
                                if (e.isMessage() && e.author().kind() == AuthorKind.CUSTOMER && answered.add(e.id())) {
                                    desk.send(e.conversationId(), "re: " + e.text())
                                            .thenAccept(entry -> ids.add(entry.clientMessageId()));
                                }
                            }
                        }
                    });
                    desk.signIn("agent" + i, "demo".toCharArray()).get(10, TimeUnit.SECONDS);
                    SessionTest.awaitLive(desk);
                }

                List<TestCustomer> customers = new ArrayList<>();
                for (int i = 0; i < AGENTS * PER_AGENT; i++) {
                    customers.add(new TestCustomer(p.platform.baseUri(), "Customer " + i, i % 2 == 0 ? "en" : "es"));
                }
                for (AgentSession desk : desks) {
                    await().atMost(Duration.ofSeconds(20)).until(() -> desk.heldConversations().stream()
                            .filter(c -> desk.user().equals(c.assignee())).count() == PER_AGENT);
                }

                String oldEpoch = p.platform.store().epoch();
                ExecutorService writers = Executors.newFixedThreadPool(6);
                List<Future<?>> writing = new ArrayList<>();
                for (TestCustomer c : customers) {
                    writing.add(writers.submit(() -> {
                        for (int r = 1; r <= ROUNDS; r++) {
                            c.send(c.conversationId() + " line " + r);
                        }
                        return null;
                    }));
                }
                // Wipe while customers and agents are mid-conversation.
                await().atMost(Duration.ofSeconds(20)).until(() -> customers.stream()
                        .mapToInt(c -> c.sentIds.size()).sum() >= customers.size() * 2);
                String newEpoch = p.wipe();
                for (Future<?> f : writing) {
                    f.get(60, TimeUnit.SECONDS);
                }
                writers.shutdown();

                for (AgentSession desk : desks) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> desk.status().get() instanceof SessionStatus.Live
                            && desk.journal().orElseThrow().epoch().orElse("").equals(newEpoch)
                            && desk.unsent().isEmpty());
                }
                assertThat(newEpoch).isNotEqualTo(oldEpoch);
                for (AgentSession desk : desks) {
                    // Each desk noticed the loss and restored its ten conversations, without anyone signing in again.
                    assertThat(recoveries.get(desk)).anySatisfy(u -> assertThat(u)
                            .isEqualTo(new SessionUpdate.RecoveryStarted(oldEpoch, newEpoch, PER_AGENT)));
                    assertThat(recoveries.get(desk)).anyMatch(u -> u instanceof SessionUpdate.RecoveryFinished f
                            && f.newEpoch().equals(newEpoch) && f.restored() == PER_AGENT && f.rejectedEvents() == 0);
                }

                // Every customer line has been answered and every answer acknowledged.
                String sup = p.supervisorToken();
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    for (TestCustomer c : customers) {
                        List<ConversationEvent> log = platformLog(p, sup, c.conversationId());
                        long lines = log.stream().filter(e -> e.isMessage() && e.author().kind() == AuthorKind.CUSTOMER)
                                .count();
                        long replies = log.stream().filter(e -> e.isMessage() && e.author().kind() == AuthorKind.AGENT)
                                .count();
                        if (lines < ROUNDS || replies < lines) {
                            return false;
                        }
                    }
                    return desks.stream().allMatch(d -> d.unsent().isEmpty());
                });

                Map<String, List<ConversationEvent>> platform = new HashMap<>();
                for (TestCustomer c : customers) {
                    platform.put(c.conversationId(), platformLog(p, sup, c.conversationId()));
                }
                for (TestCustomer c : customers) {
                    List<ConversationEvent> log = platform.get(c.conversationId());
                    // Gap-free, no event twice.
                    assertThat(log).extracting(ConversationEvent::seq)
                            .isEqualTo(java.util.stream.LongStream.rangeClosed(1, log.size()).boxed().toList());
                    assertThat(log).extracting(ConversationEvent::id).doesNotHaveDuplicates();
                    // Every customer line once, in the order written.
                    List<String> customerIds = log.stream()
                            .filter(e -> e.isMessage() && e.author().kind() == AuthorKind.CUSTOMER)
                            .map(ConversationEvent::clientMessageId).toList();
                    assertThat(customerIds).as("customer lines of %s", c.conversationId())
                            .containsExactlyElementsOf(c.sentIds);
                    // Every message carries a distinct (device, client message id).
                    assertThat(log.stream().filter(ConversationEvent::isMessage)
                            .map(e -> e.deviceId() + "/" + e.clientMessageId()).toList()).doesNotHaveDuplicates();
                }
                for (AgentSession desk : desks) {
                    Journal journal = desk.journal().orElseThrow();
                    Set<String> onPlatform = platform.values().stream().flatMap(List::stream)
                            .filter(e -> journal.deviceId().equals(e.deviceId()))
                            .map(ConversationEvent::clientMessageId).collect(Collectors.toSet());
                    // Everything this desk journaled reached the platform, and only once.
                    assertThat(onPlatform).containsAll(composed.get(desk));
                    long mine = platform.values().stream().flatMap(List::stream)
                            .filter(e -> journal.deviceId().equals(e.deviceId())).count();
                    assertThat(mine).isEqualTo(onPlatform.size());
                    // The desk's copy matches the platform, event for event.
                    for (ConversationSummary held : journal.conversations()) {
                        List<ConversationEvent> expected = platform.get(held.id());
                        if (expected == null || !desk.user().equals(held.assignee())) {
                            continue;
                        }
                        await().atMost(Duration.ofSeconds(20)).until(
                                () -> journal.cursor(held.id()) == expected.get(expected.size() - 1).seq());
                        assertThat(journal.allEvents(held.id())).as("journal of %s for %s", desk.user(), held.id())
                                .isEqualTo(expected);
                    }
                }
                customers.forEach(TestCustomer::close);
            } finally {
                desks.forEach(AgentSession::close);
            }
        }
    }

    static List<ConversationEvent> platformLog(TestPlatform p, String token, String conversationId) {
        List<ConversationEvent> all = new ArrayList<>();
        long after = 0;
        while (true) {
            EventPage page = p.http.get("/v1/conversations/" + conversationId + "/events?after=" + after + "&limit=500",
                    token).as(EventPage.class);
            all.addAll(page.events());
            if (!page.hasMore() || page.events().isEmpty()) {
                return all;
            }
            after = page.events().get(page.events().size() - 1).seq();
        }
    }
}
