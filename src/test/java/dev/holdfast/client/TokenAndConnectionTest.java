package dev.holdfast.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.holdfast.client.api.PlatformApi;
import dev.holdfast.client.api.Scope;
import dev.holdfast.client.common.ExecutorScheduler;
import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.Journal;
import dev.holdfast.client.journal.LogEntry;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.http.AdminResult;
import dev.holdfast.protocol.http.RefreshRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens that expire and sockets that drop, with messages flowing: an expired access token is
 * refreshed without the user (over the socket and over HTTP), a dropped socket resumes its session,
 * and a refused refresh asks for the password while keeping the outbox, which the next sign-in
 * flushes under the same device id.
 */
class TokenAndConnectionTest {
    @TempDir
    Path dir;

    private TestPlatform p;
    private final GatedTransport transport = new GatedTransport();
    /** While set, each refresh request waits (up to 400 ms) until another one arrives. */
    private final AtomicReference<CountDownLatch> refreshOverlap = new AtomicReference<>();
    private AgentSession desk;
    private TestCustomer customer;
    private final List<SessionStatus> statuses = new CopyOnWriteArrayList<>();
    private String conversationId;
    private Journal journal;

    @BeforeEach
    void deskWithOneConversation() throws Exception {
        p = TestPlatform.start(dir, "memory", 5);
        // Refreshes go through an interceptor that can hold each one until a second arrives, so that a
        // test can see whether two refreshes ever overlap.
        OkHttpClient http = PlatformApi.defaultClient().newBuilder().addInterceptor(chain -> {
            CountDownLatch overlap = refreshOverlap.get();
            if (overlap != null && chain.request().url().encodedPath().equals("/v1/auth/refresh")) {
                overlap.countDown();
                try {
                    overlap.await(400, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return chain.proceed(chain.request());
        }).build();
        desk = new AgentSession(p.platform.baseUri(), dir.resolve("desk"), Clock.systemUTC(), new ExecutorScheduler(),
                transport, new PlatformApi(p.platform.baseUri(), http), Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, "desk-io");
                    t.setDaemon(true);
                    return t;
                }), true);
        desk.subscribe(u -> {
            if (u instanceof SessionUpdate.StatusChanged s) {
                statuses.add(s.status());
            }
        });
        desk.signIn("agent1", "demo".toCharArray()).get(10, TimeUnit.SECONDS);
        SessionTest.awaitLive(desk);
        customer = new TestCustomer(p.platform.baseUri(), "Kai", "en");
        conversationId = customer.conversationId();
        customer.send("Hi, I need help.");
        Desks.awaitAssigned(desk, conversationId);
        journal = desk.journal().orElseThrow();
    }

    @AfterEach
    void stop() {
        if (customer != null) {
            customer.close();
        }
        if (desk != null) {
            desk.close();
        }
        if (p != null) {
            p.close();
        }
    }

    @Test
    void expiredTokensAreRefreshedSilentlyAndNothingIsSentTwice() throws Exception {
        List<String> composed = new ArrayList<>(compose("before", 10));
        int refreshedBefore = count(journal.recentLog(500), "access token refreshed");

        // The platform expires every token mid-stream; the socket learns of it at once and refreshes.
        AdminResult expired = p.http.post("/admin/expire-tokens", TestPlatform.ADMIN, null).as(AdminResult.class);
        assertThat(expired.affected()).isEqualTo(1);
        composed.addAll(compose("around", 10));
        await().atMost(Duration.ofSeconds(20)).until(() -> desk.status().get() instanceof SessionStatus.Live
                && count(journal.recentLog(500), "access token refreshed") > refreshedBefore);

        // Again, but an HTTP call meets the expired token before the socket hears of it: it refreshes and retries.
        transport.hold();
        p.http.post("/admin/expire-tokens", TestPlatform.ADMIN, null).as(AdminResult.class);
        List<ConversationSummary> mine = desk.conversations(Scope.MINE).get(10, TimeUnit.SECONDS);
        assertThat(mine).extracting(ConversationSummary::id).contains(conversationId);

        // And once more, with several HTTP calls finding the token expired at the same moment: one refresh
        // at a time, or the platform sees a refresh token used twice and revokes the family.
        p.http.post("/admin/expire-tokens", TestPlatform.ADMIN, null).as(AdminResult.class);
        refreshOverlap.set(new CountDownLatch(2));
        List<CompletableFuture<List<ConversationSummary>>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(desk.conversations(Scope.MINE));
        }
        for (CompletableFuture<List<ConversationSummary>> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS)).extracting(ConversationSummary::id).contains(conversationId);
        }
        refreshOverlap.set(null);
        // Now the socket hears of the expiries it missed, and refreshes in its turn.
        transport.release();
        composed.addAll(compose("after", 10));

        await().atMost(Duration.ofSeconds(20)).until(() -> desk.status().get() instanceof SessionStatus.Live
                && desk.unsent().isEmpty());
        assertThat(statuses).noneMatch(s -> s instanceof SessionStatus.NeedsPassword
                || s instanceof SessionStatus.Failed);
        assertDeliveredOnceInOrder(composed);
        // Still usable over HTTP, and the refresh token still works.
        assertThat(desk.conversations(Scope.MINE).get(10, TimeUnit.SECONDS)).isNotEmpty();
        assertThat(journal.recentLog(500)).noneMatch(e -> e.detail().startsWith("signed out softly"));
    }

    @Test
    void droppedConnectionsResumeTheSessionAndLoseNothing() throws Exception {
        List<String> composed = new ArrayList<>(compose("before", 10));
        await().atMost(Duration.ofSeconds(10)).until(() -> desk.unsent().isEmpty());
        int resumedBefore = count(journal.recentLog(500), "reconnected; session resumed");

        AdminResult dropped = p.http.post("/admin/drop-connections", TestPlatform.ADMIN, null).as(AdminResult.class);
        assertThat(dropped.affected()).isGreaterThanOrEqualTo(1);
        composed.addAll(compose("during", 10));
        customer.send("Are you still there?");

        await().atMost(Duration.ofSeconds(20)).until(() -> desk.status().get() instanceof SessionStatus.Live
                && desk.unsent().isEmpty());
        assertThat(count(journal.recentLog(500), "reconnected; session resumed")).isGreaterThan(resumedBefore);
        assertDeliveredOnceInOrder(composed);
        // The customer's line written around the drop reached the desk too: the copies match.
        List<ConversationEvent> log = IncidentReplayTest.platformLog(p, p.supervisorToken(), conversationId);
        assertThat(log).anyMatch(e -> "Are you still there?".equals(e.text()));
        await().atMost(Duration.ofSeconds(10)).until(
                () -> journal.cursor(conversationId) == log.get(log.size() - 1).seq());
        assertThat(journal.allEvents(conversationId)).isEqualTo(log);
    }

    @Test
    void aRefusedRefreshAsksForThePasswordAndKeepsTheOutbox() throws Exception {
        String deviceId = journal.deviceId();
        List<String> composed = new ArrayList<>(compose("before", 3));
        await().atMost(Duration.ofSeconds(10)).until(() -> desk.unsent().isEmpty());

        // Signed out elsewhere: the desk's refresh token family is revoked; then its access token expires.
        String refresh = journal.refreshToken().orElseThrow();
        assertThat(p.http.post("/v1/auth/logout", null, new RefreshRequest(refresh)).status()).isEqualTo(204);
        p.http.post("/admin/expire-tokens", TestPlatform.ADMIN, null).as(AdminResult.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> desk.status().get() instanceof SessionStatus.NeedsPassword);

        List<String> meanwhile = compose("meanwhile", 5);
        for (String id : meanwhile) {
            assertThat(journal.outboxEntry(id).orElseThrow().state()).isEqualTo(DeliveryState.QUEUED);
        }
        assertThat(desk.status().get()).isInstanceOf(SessionStatus.NeedsPassword.class);
        assertThat(desk.unsent()).extracting(OutboxEntry::clientMessageId).containsExactlyElementsOf(meanwhile);
        assertThat(Desks.agentMessages(IncidentReplayTest.platformLog(p, p.supervisorToken(), conversationId)))
                .extracting(ConversationEvent::clientMessageId).doesNotContainAnyElementsOf(meanwhile);
        // The workspace stays: conversations and history are still there.
        assertThat(desk.heldConversations()).extracting(ConversationSummary::id).contains(conversationId);
        assertThat(desk.history(conversationId, 0, 100)).anyMatch(e -> "Hi, I need help.".equals(e.text()));
        composed.addAll(meanwhile);

        desk.signIn("agent1", "demo".toCharArray()).get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(20)).until(() -> desk.status().get() instanceof SessionStatus.Live
                && desk.unsent().isEmpty());
        assertThat(desk.journal().orElseThrow().deviceId()).isEqualTo(deviceId);
        assertDeliveredOnceInOrder(composed);
        assertThat(Desks.agentMessages(IncidentReplayTest.platformLog(p, p.supervisorToken(), conversationId)))
                .extracting(ConversationEvent::deviceId).containsOnly(deviceId);
    }

    private List<String> compose(String label, int n) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(desk.send(conversationId, label + " " + i).get(5, TimeUnit.SECONDS).clientMessageId());
        }
        return ids;
    }

    private void assertDeliveredOnceInOrder(List<String> composed) {
        List<ConversationEvent> log = IncidentReplayTest.platformLog(p, p.supervisorToken(), conversationId);
        assertThat(Desks.agentMessages(log)).extracting(ConversationEvent::clientMessageId)
                .containsExactlyElementsOf(composed);
        assertThat(log).extracting(ConversationEvent::seq)
                .isEqualTo(LongStream.rangeClosed(1, log.size()).boxed().toList());
        assertThat(log.stream().filter(e -> e.isMessage() && e.author().kind() == AuthorKind.CUSTOMER)
                .map(ConversationEvent::clientMessageId)).containsExactlyElementsOf(customer.sentIds);
        for (String id : composed) {
            assertThat(journal.outboxEntry(id).orElseThrow().state()).isEqualTo(DeliveryState.SENT);
        }
    }

    private static int count(List<LogEntry> log, String detail) {
        return (int) log.stream().filter(e -> e.detail().equals(detail)).count();
    }
}
