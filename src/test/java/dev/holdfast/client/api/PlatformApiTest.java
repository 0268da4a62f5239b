package dev.holdfast.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.holdfast.client.LoopbackPlatform;
import dev.holdfast.client.common.Problem;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.CustomerSession;
import dev.holdfast.protocol.http.EventPage;
import dev.holdfast.protocol.http.Health;
import dev.holdfast.protocol.http.RestoreRequest;
import dev.holdfast.protocol.http.RestoreResponse;
import dev.holdfast.protocol.http.SendRequest;
import dev.holdfast.protocol.http.TokenResponse;
import dev.holdfast.protocol.http.VersionedAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP client against the real reference platform on loopback. */
class PlatformApiTest {
    private static final String DEVICE = "device-under-test";

    @TempDir
    Path dir;
    private LoopbackPlatform platform;
    private PlatformApi api;

    @BeforeEach
    void start() throws Exception {
        platform = LoopbackPlatform.start(dir);
        api = new PlatformApi(platform.baseUri());
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private TokenResponse login(String user) {
        return api.login(user, "demo".toCharArray(), DEVICE + "-" + user);
    }

    @Test
    void healthNamesTheProtocolAndTheEpoch() {
        Health health = api.health();
        assertThat(health.status()).isEqualTo("ok");
        assertThat(health.protocol()).isEqualTo(Limits.PROTOCOL_VERSION);
        assertThat(health.epoch()).isNotBlank();
    }

    @Test
    void loginGivesTokensTheUserAndTheEpoch() {
        TokenResponse tokens = login("agent1");
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(tokens.user().id()).isEqualTo("agent1");
        assertThat(tokens.user().role()).isEqualTo(Role.AGENT);
        assertThat(tokens.epoch()).isEqualTo(api.health().epoch());
        assertThat(api.me(tokens.accessToken()).username()).isEqualTo("agent1");
    }

    @Test
    void aWrongPasswordNeedsTheUserAndIsNeverInTheMessage() {
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> api.login("agent1", "hunter2-not-it".toCharArray(), DEVICE));
        assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(e.httpStatus()).isEqualTo(401);
        assertThat(e.unreachable()).isFalse();
        assertThat(e.problem().kind()).isEqualTo(Problem.Kind.NEEDS_USER);
        assertThat(e.problem().userMessage()).isEqualTo("Wrong user name or password");
        assertThat(e.getMessage()).doesNotContain("hunter2").contains("POST /v1/auth/login");
        assertThat(e.problem().detail()).doesNotContain("hunter2");
    }

    @Test
    void repeatedFailuresAreRateLimitedWithTheWaitInPlainWords() {
        ApiException limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            ApiException e = catchThrowableOfType(ApiException.class,
                    () -> api.login("agent2", "wrong".toCharArray(), DEVICE));
            if (e.code() == ErrorCode.RATE_LIMITED) {
                limited = e;
            }
        }
        assertThat(limited).as("rate limited within 10 failures").isNotNull();
        assertThat(limited.httpStatus()).isEqualTo(429);
        assertThat(limited.retryAfterMs()).isBetween(1L, 30_000L);
        assertThat(limited.problem().kind()).isEqualTo(Problem.Kind.NEEDS_USER);
        assertThat(limited.problem().userMessage()).matches("Too many attempts; try again in \\d+ s");
        // Locked even for the right password.
        ApiException right = catchThrowableOfType(ApiException.class, () -> login("agent2"));
        assertThat(right.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    }

    @Test
    void refreshRotatesAndASpentTokenRevokesTheFamily() {
        TokenResponse first = login("agent1");
        TokenResponse second = api.refresh(first.refreshToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(api.me(second.accessToken()).id()).isEqualTo("agent1");

        ApiException reuse = catchThrowableOfType(ApiException.class, () -> api.refresh(first.refreshToken()));
        assertThat(reuse.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(reuse.problem().userMessage()).isEqualTo("Please sign in again");
        ApiException revoked = catchThrowableOfType(ApiException.class, () -> api.refresh(second.refreshToken()));
        assertThat(revoked.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        TokenResponse tokens = login("agent1");
        api.logout(tokens.refreshToken());
        ApiException e = catchThrowableOfType(ApiException.class, () -> api.refresh(tokens.refreshToken()));
        assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    @Test
    void anExpiredAccessTokenIsTransientAndAGarbageOneNeedsSignIn() {
        TokenResponse tokens = login("agent1");
        platform.admin("expire-tokens");
        ApiException expired = catchThrowableOfType(ApiException.class, () -> api.me(tokens.accessToken()));
        assertThat(expired.code()).isEqualTo(ErrorCode.TOKEN_EXPIRED);
        assertThat(expired.problem().kind()).isEqualTo(Problem.Kind.TRANSIENT);
        // Refresh tokens survive expire-tokens.
        assertThat(api.me(api.refresh(tokens.refreshToken()).accessToken()).id()).isEqualTo("agent1");

        ApiException garbage = catchThrowableOfType(ApiException.class, () -> api.me("not-a-token"));
        assertThat(garbage.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
        assertThat(garbage.problem().kind()).isEqualTo(Problem.Kind.NEEDS_USER);
        assertThat(garbage.problem().userMessage()).isEqualTo("Please sign in again");
    }

    @Test
    void conversationsAndEveryVersionedAction() {
        String agent = login("agent1").accessToken();
        String supervisor = login("supervisor1").accessToken();
        CustomerSession customer = platform.openCustomer("Dana");
        String id = customer.conversationId();

        assertThat(api.conversations(agent, Scope.QUEUE).conversations()).extracting(ConversationSummary::id)
                .contains(id);
        assertThat(api.conversations(supervisor, Scope.ALL).conversations()).extracting(ConversationSummary::id)
                .contains(id);
        ConversationSummary queued = api.conversation(agent, id);
        assertThat(queued.status()).isEqualTo(ConversationStatus.QUEUED);

        ConversationSummary accepted = api.accept(agent, id, new VersionedAction(queued.version(), null, null));
        assertThat(accepted.assignee()).isEqualTo("agent1");
        assertThat(api.conversations(agent, Scope.MINE).conversations()).extracting(ConversationSummary::id)
                .containsExactly(id);

        ConversationSummary transferred = api.transfer(agent, id,
                new VersionedAction(accepted.version(), "agent2", "billing"));
        assertThat(transferred.assignee()).isEqualTo("agent2");
        ConversationSummary reassigned = api.reassign(supervisor, id,
                new VersionedAction(transferred.version(), "agent1", null));
        assertThat(reassigned.assignee()).isEqualTo("agent1");
        ConversationSummary closed = api.close(agent, id, new VersionedAction(reassigned.version(), null, "resolved"));
        assertThat(closed.status()).isEqualTo(ConversationStatus.CLOSED);
        ConversationSummary reopened = api.reopen(supervisor, id, new VersionedAction(closed.version(), null, null));
        assertThat(reopened.status()).isEqualTo(ConversationStatus.ASSIGNED);
        assertThat(reopened.assignee()).isEqualTo("agent1");

        assertThat(api.agents(agent).agents()).extracting(a -> a.id())
                .contains("agent1", "agent2", "agent3", "supervisor1");
    }

    @Test
    void eventsPageForwardAndBackward() {
        String agent = login("agent1").accessToken();
        CustomerSession customer = platform.openCustomer("Pat");
        String id = customer.conversationId();
        api.accept(agent, id, new VersionedAction(api.conversation(agent, id).version(), null, null));
        for (int i = 1; i <= 5; i++) {
            platform.customerSays(customer, "message " + i);
        }
        long lastSeq = api.conversation(agent, id).lastSeq();
        assertThat(lastSeq).isEqualTo(7); // opened, assigned, five messages

        List<ConversationEvent> all = new ArrayList<>();
        long cursor = 0;
        int pages = 0;
        EventPage page;
        do {
            page = api.eventsAfter(agent, id, cursor, 3);
            all.addAll(page.events());
            cursor = page.events().get(page.events().size() - 1).seq();
            pages++;
        } while (page.hasMore());
        assertThat(pages).isEqualTo(3);
        assertThat(all).extracting(ConversationEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(all.get(0).kind()).isEqualTo(EventKind.OPENED);
        assertThat(page.epoch()).isEqualTo(api.health().epoch());

        EventPage older = api.eventsBefore(agent, id, 5, 2);
        assertThat(older.events()).extracting(ConversationEvent::seq).containsExactly(3L, 4L);
        assertThat(older.hasMore()).isTrue();
        assertThat(api.eventsBefore(agent, id, 3, 10).hasMore()).isFalse();
    }

    @Test
    void aResentMessageGetsTheOriginalAckAndAChangedOneIsRefused() {
        String agent = login("agent1").accessToken();
        CustomerSession customer = platform.openCustomer("Lee");
        String id = customer.conversationId();
        api.accept(agent, id, new VersionedAction(api.conversation(agent, id).version(), null, null));

        SendRequest request = new SendRequest(DEVICE, UUID.randomUUID().toString(), "Hello Lee");
        ServerFrame.Ack first = api.send(agent, id, request);
        ServerFrame.Ack again = api.send(agent, id, request);
        assertThat(first.event()).isNotNull();
        assertThat(again.event().id()).isEqualTo(first.event().id());
        assertThat(again.event().seq()).isEqualTo(first.event().seq());
        assertThat(api.conversation(agent, id).lastSeq()).isEqualTo(first.event().seq());

        ApiException mismatch = catchThrowableOfType(ApiException.class, () -> api.send(agent, id,
                new SendRequest(DEVICE, request.clientMessageId(), "Something else")));
        assertThat(mismatch.code()).isEqualTo(ErrorCode.IDEMPOTENCY_MISMATCH);
        assertThat(mismatch.problem().kind()).isEqualTo(Problem.Kind.FATAL);
    }

    @Test
    void platformErrorsBecomeCodesAndPlainWords() {
        String agent = login("agent1").accessToken();
        CustomerSession customer = platform.openCustomer("Kim");
        String id = customer.conversationId();

        ApiException notFound = catchThrowableOfType(ApiException.class, () -> api.conversation(agent, "c-nope"));
        assertThat(notFound.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(notFound.httpStatus()).isEqualTo(404);
        assertThat(notFound.problem().kind()).isEqualTo(Problem.Kind.NEEDS_USER);

        ApiException conflict = catchThrowableOfType(ApiException.class,
                () -> api.accept(agent, id, new VersionedAction(99, null, null)));
        assertThat(conflict.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(conflict.httpStatus()).isEqualTo(409);
        assertThat(conflict.problem().userMessage()).contains("changed");

        ApiException forbidden = catchThrowableOfType(ApiException.class,
                () -> api.conversations(agent, Scope.ALL));
        assertThat(forbidden.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(forbidden.problem().userMessage()).isEqualTo("You are not allowed to do that");

        // An id with characters that mean something in a URL stays one opaque path segment.
        ApiException odd = catchThrowableOfType(ApiException.class, () -> api.conversation(agent, "a/b?c#d"));
        assertThat(odd.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(odd.getMessage()).contains("a%2Fb%3Fc%23d");
    }

    @Test
    void restoringWhatThePlatformHoldsChangesNothing() {
        String agent = login("agent1").accessToken();
        CustomerSession customer = platform.openCustomer("Ola");
        String id = customer.conversationId();
        api.accept(agent, id, new VersionedAction(api.conversation(agent, id).version(), null, null));
        List<ConversationEvent> events = api.eventsAfter(agent, id, 0, 100).events();

        RestoreResponse response = api.restore(agent, new RestoreRequest(DEVICE,
                List.of(new RestoreRequest.Item(id, events))));
        assertThat(response.results()).hasSize(1);
        assertThat(response.results().get(0).outcome()).isEqualTo(RestoreResponse.Outcome.UNCHANGED);
        assertThat(response.results().get(0).accepted()).isEqualTo(events.size());
    }

    @Test
    void aStoppedPlatformIsUnreachable() {
        PlatformApi stale = new PlatformApi(platform.baseUri());
        stale.health();
        platform.close();
        ApiException e = catchThrowableOfType(ApiException.class, stale::health);
        assertThat(e.unreachable()).isTrue();
        assertThat(e.code()).isNull();
        assertThat(e.httpStatus()).isZero();
        assertThat(e.problem().kind()).isEqualTo(Problem.Kind.TRANSIENT);
        assertThat(e.problem().userMessage()).isEqualTo("The platform cannot be reached");

        ApiException login = catchThrowableOfType(ApiException.class, () -> login("agent1"));
        assertThat(login.unreachable()).isTrue();
    }
}
