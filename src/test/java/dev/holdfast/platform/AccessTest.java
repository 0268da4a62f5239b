package dev.holdfast.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.platform.PlatformFixture.Agent;
import dev.holdfast.platform.PlatformFixture.Customer;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.AdminResult;
import dev.holdfast.protocol.http.ConversationList;
import dev.holdfast.protocol.http.LoginRequest;
import dev.holdfast.protocol.http.RefreshRequest;
import dev.holdfast.protocol.http.TokenResponse;
import dev.holdfast.protocol.http.UserInfo;
import dev.holdfast.protocol.http.VersionedAction;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles, versions, tokens, rate limits and admin endpoints. */
class AccessTest {
    @TempDir
    Path dir;
    PlatformFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new PlatformFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    private ConversationSummary assignedTo(Agent agent) {
        Customer c = f.customer("Customer of " + agent.user, "en");
        return agent.awaitAssigned(c.conversationId()).conversation();
    }

    @Test
    void anAgentClosingAnotherAgentsConversationIsForbiddenAndAnOldVersionConflicts() {
        Agent a1 = f.agent("agent1");
        ConversationSummary conv = assignedTo(a1);
        Agent a2 = f.agent("agent2");
        String path = "/v1/conversations/" + conv.id() + "/close";

        Http.Response forbidden = f.http.post(path, a2.token(), new VersionedAction(conv.version(), null, "spam"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.errorCode()).isEqualTo("FORBIDDEN");

        Http.Response stale = f.http.post(path, a1.token(), new VersionedAction(conv.version() - 1, null, "done"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.errorCode()).isEqualTo("CONFLICT");

        Http.Response noReason = f.http.post(path, a1.token(), new VersionedAction(conv.version(), null, null));
        assertThat(noReason.errorCode()).isEqualTo("BAD_REQUEST");

        ConversationSummary closed = f.http.post(path, a1.token(), new VersionedAction(conv.version(), null, "resolved"))
                .as(ConversationSummary.class);
        assertThat(closed.status()).isEqualTo(ConversationStatus.CLOSED);
        Http.Response twice = f.http.post(path, a1.token(), new VersionedAction(closed.version(), null, "resolved"));
        assertThat(twice.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void supervisorsSeeEverythingAndCloseReopenAndReassignWithVersionGuards() {
        Agent a1 = f.agent("agent1");
        ConversationSummary conv = assignedTo(a1);
        Agent sup = f.agent("supervisor1");

        assertThat(f.http.get("/v1/conversations?scope=all", a1.token()).errorCode()).isEqualTo("FORBIDDEN");
        ConversationList all = f.http.get("/v1/conversations?scope=all", sup.token()).as(ConversationList.class);
        assertThat(all.conversations()).extracting(ConversationSummary::id).contains(conv.id());
        assertThat(all.conversations()).allMatch(c -> c.lastActivityAt() > 0);

        Http.Response agentReassign = f.http.post("/v1/conversations/" + conv.id() + "/reassign", a1.token(),
                new VersionedAction(conv.version(), "agent2", null));
        assertThat(agentReassign.errorCode()).isEqualTo("FORBIDDEN");

        ConversationSummary moved = f.http.post("/v1/conversations/" + conv.id() + "/reassign", sup.token(),
                new VersionedAction(conv.version(), "agent2", null)).as(ConversationSummary.class);
        assertThat(moved.assignee()).isEqualTo("agent2");
        assertThat(f.http.post("/v1/conversations/" + conv.id() + "/reassign", sup.token(),
                new VersionedAction(conv.version(), "agent3", null)).errorCode()).isEqualTo("CONFLICT");
        assertThat(f.http.post("/v1/conversations/" + conv.id() + "/reassign", sup.token(),
                new VersionedAction(moved.version(), "nobody", null)).errorCode()).isEqualTo("NOT_FOUND");

        ConversationSummary closed = f.http.post("/v1/conversations/" + conv.id() + "/close", sup.token(),
                new VersionedAction(moved.version(), null, "stale: nobody handling it")).as(ConversationSummary.class);
        ConversationSummary reopened = f.http.post("/v1/conversations/" + conv.id() + "/reopen", sup.token(),
                new VersionedAction(closed.version(), null, "closed by mistake")).as(ConversationSummary.class);
        assertThat(reopened.status()).isEqualTo(ConversationStatus.ASSIGNED);
        assertThat(reopened.assignee()).isEqualTo("agent2");
    }

    @Test
    void agentsCannotReadConversationsThatAreNotTheirs() {
        Agent a1 = f.agent("agent1");
        ConversationSummary conv = assignedTo(a1);
        String other = f.login("agent3").accessToken();
        assertThat(f.http.get("/v1/conversations/" + conv.id(), other).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(f.http.get("/v1/conversations/" + conv.id() + "/events", other).errorCode()).isEqualTo("FORBIDDEN");
        assertThat(f.http.get("/v1/conversations/nope", other).errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void expiringTokensDisconnectsAgentsAndRefreshRotates() {
        Agent a1 = f.agent("agent1");
        AdminResult result = f.http.post("/admin/expire-tokens", PlatformFixture.ADMIN, null).as(AdminResult.class);
        assertThat(result.affected()).isEqualTo(1);
        ServerFrame.Error expired = a1.ws.await(ServerFrame.Error.class);
        assertThat(expired.code()).isEqualTo(ErrorCode.TOKEN_EXPIRED);
        assertThat(a1.ws.awaitClose()).isEqualTo(4001);

        Http.Response old = f.http.get("/v1/me", a1.token());
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.errorCode()).isEqualTo("TOKEN_EXPIRED");

        TokenResponse fresh = f.http.post("/v1/auth/refresh", null, new RefreshRequest(a1.tokens.refreshToken()))
                .as(TokenResponse.class);
        assertThat(f.http.get("/v1/me", fresh.accessToken()).as(UserInfo.class).username()).isEqualTo("agent1");
        assertThat(fresh.refreshToken()).isNotEqualTo(a1.tokens.refreshToken());

        // The spent refresh token is refused, and its reuse revokes the family.
        Http.Response reuse = f.http.post("/v1/auth/refresh", null, new RefreshRequest(a1.tokens.refreshToken()));
        assertThat(reuse.errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(f.http.post("/v1/auth/refresh", null, new RefreshRequest(fresh.refreshToken())).errorCode())
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        TokenResponse t = f.login("agent2");
        assertThat(f.http.post("/v1/auth/logout", t.accessToken(), new RefreshRequest(t.refreshToken())).status())
                .isEqualTo(204);
        assertThat(f.http.post("/v1/auth/refresh", null, new RefreshRequest(t.refreshToken())).errorCode())
                .isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void wrongPasswordsAreRefusedAndThenRateLimited() {
        for (int i = 0; i < 5; i++) {
            Http.Response wrong = f.http.post("/v1/auth/login", null, new LoginRequest("agent3", "nope", "d"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.errorCode()).isEqualTo("UNAUTHENTICATED");
        }
        Http.Response limited = f.http.post("/v1/auth/login", null, new LoginRequest("agent3", "demo", "d"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(limited.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("retryAfterMs");

        f.clock.advance(java.time.Duration.ofSeconds(31));
        assertThat(f.http.post("/v1/auth/login", null, new LoginRequest("agent3", "demo", "d")).status())
                .isEqualTo(200);
    }

    @Test
    void adminEndpointsNeedTheAdminToken() {
        assertThat(f.http.post("/admin/wipe", null, null).errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(f.http.post("/admin/wipe", "wrong-token-123", null).errorCode()).isEqualTo("UNAUTHENTICATED");
        assertThat(f.http.post("/admin/wipe", f.login("supervisor1").accessToken(), null).status()).isEqualTo(401);
        Agent a1 = f.agent("agent1");
        AdminResult dropped = f.http.post("/admin/drop-connections", PlatformFixture.ADMIN, null).as(AdminResult.class);
        assertThat(dropped.affected()).isEqualTo(1);
        assertThat(a1.ws.awaitClose()).isEqualTo(4003);
    }

    @Test
    void withoutAnAdminTokenTheAdminEndpointsDoNotExist() throws Exception {
        try (Platform p = Platform.start(Platform.Options.loopback(dir.resolve("other")))) {
            Http http = new Http(p.baseUri());
            assertThat(http.post("/admin/wipe", "anything-at-all", null).status()).isEqualTo(404);
        }
    }

    @Test
    void theDemoAccountsAreRefusedOffLoopback() {
        Platform.Options options = new Platform.Options("0.0.0.0", 0, "memory", null, dir, null, 0,
                java.time.Clock.systemUTC(), 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Platform.start(options))
                .isInstanceOf(Platform.StartupException.class)
                .hasMessageContaining("--config");
    }
}
