package dev.holdfast.platform.auth;

import dev.holdfast.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.holdfast.platform.config.AccountConfig;
import dev.holdfast.platform.config.PlatformConfig;
import dev.holdfast.platform.config.Policies;
import dev.holdfast.platform.config.TeamConfig;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.http.LoginRequest;
import dev.holdfast.protocol.http.TokenResponse;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoginServiceTest {
    private static final String IP = "192.0.2.10";
    private static final AccountDirectory ACCOUNTS = new AccountDirectory(new PlatformConfig(
            List.of(new AccountConfig("agent1", "Alex Rivera", Role.AGENT, TestHashes.hash("right"),
                            List.of("support"), null),
                    new AccountConfig("agent2", "Bea Santos", Role.AGENT, TestHashes.hash("other"),
                            List.of("support"), null)),
            List.of(new TeamConfig("support", "Support")), Policies.defaults()));

    private final MutableClock clock = MutableClock.at("2024-03-01T09:00:00Z");
    private final TokenService tokens =
            new TokenService(new byte[32], Policies.defaults(), clock, new MemoryRefreshLedger());
    private final LoginService login = new LoginService(ACCOUNTS, tokens, new LoginRateLimiter(clock));

    @Test
    void theRightPasswordSignsIn() {
        TokenResponse response = login.login(new LoginRequest("agent1", "right", "laptop"), IP, "epoch-7");

        assertThat(response.user().id()).isEqualTo("agent1");
        assertThat(response.user().displayName()).isEqualTo("Alex Rivera");
        assertThat(response.epoch()).isEqualTo("epoch-7");
        assertThat(tokens.verifyAccess(response.accessToken()))
                .isEqualTo(new AccessClaims("agent1", Role.AGENT, "laptop", response.accessExpiresAt()));
    }

    @Test
    void theUserNameMayBeTypedInAnyCase() {
        TokenResponse response = login.login(new LoginRequest("Agent1", "right", "laptop"), IP, "e");

        assertThat(tokens.verifyAccess(response.accessToken()).userId()).isEqualTo("agent1");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        assertRejected(() -> login.login(new LoginRequest("agent1", "wrong", "laptop"), IP, "e"),
                ErrorCode.UNAUTHENTICATED, "wrong user name or password");
        assertRejected(() -> login.login(new LoginRequest("ghost", "right", "laptop"), IP, "e"),
                ErrorCode.UNAUTHENTICATED, "wrong user name or password");
        assertRejected(() -> login.login(new LoginRequest("agent2", "right", "laptop"), IP, "e"),
                ErrorCode.UNAUTHENTICATED, "wrong user name or password");
        assertRejected(() -> login.login(new LoginRequest("agent1", "", "laptop"), IP, "e"),
                ErrorCode.UNAUTHENTICATED, "wrong user name or password");
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() {
        failTimes("agent1", 5);

        assertRateLimited(() -> login.login(new LoginRequest("agent1", "right", "laptop"), IP, "e"), 30_000);
        clock.advance(Duration.ofSeconds(30));
        assertThat(login.login(new LoginRequest("agent1", "right", "laptop"), IP, "e").user().id())
                .isEqualTo("agent1");
    }

    @Test
    void attemptsWhileLockedAreNotCountedAsFailures() {
        failTimes("agent1", 5);
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            assertRateLimited(() -> login.login(new LoginRequest("agent1", "wrong", "laptop"), IP, "e"), 20_000);
        }

        clock.advance(Duration.ofSeconds(20));

        assertThat(login.login(new LoginRequest("agent1", "right", "laptop"), IP, "e").user().id())
                .isEqualTo("agent1");
    }

    @Test
    void aSuccessResetsTheAccountsCount() {
        failTimes("agent1", 4);
        login.login(new LoginRequest("agent1", "right", "laptop"), IP, "e");
        failTimes("agent1", 4);

        assertThat(login.login(new LoginRequest("agent1", "right", "laptop"), IP, "e").user().id())
                .isEqualTo("agent1");
    }

    @Test
    void unknownUsersAreLockedToo() {
        failTimes("ghost", 5);

        assertRateLimited(() -> login.login(new LoginRequest("ghost", "x", "laptop"), IP, "e"), 30_000);
    }

    @Test
    void manyFailuresFromOneAddressLockTheAddress() {
        for (int i = 0; i < 20; i++) {
            String user = "user" + i;
            assertRejected(() -> login.login(new LoginRequest(user, "x", "laptop"), IP, "e"),
                    ErrorCode.UNAUTHENTICATED, "wrong user name or password");
        }

        assertRateLimited(() -> login.login(new LoginRequest("agent1", "right", "laptop"), IP, "e"), 60_000);
        assertThat(login.login(new LoginRequest("agent1", "right", "laptop"), "198.51.100.5", "e").user().id())
                .isEqualTo("agent1");
    }

    @Test
    void neitherPasswordsNorTokensNorUntrustedNamesAreLogged() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logged);
        try {
            TokenResponse response = login.login(new LoginRequest("agent1", "right", "laptop"), IP, "e");
            assertRejected(() -> login.login(new LoginRequest("agent1", "wrong-pw", "laptop"), IP, "e"),
                    ErrorCode.UNAUTHENTICATED, "wrong user name or password");
            assertRejected(() -> login.login(new LoginRequest("typed-my-secret", "x", "laptop"), "a\nb", "e"),
                    ErrorCode.UNAUTHENTICATED, "wrong user name or password");
            tokens.refresh(response.refreshToken(), "e", ACCOUNTS::byId);
            assertRejected(() -> tokens.refresh(response.refreshToken(), "e", ACCOUNTS::byId),
                    ErrorCode.UNAUTHENTICATED, "refresh token already used; sign in again");

            assertThat(logged.list).isNotEmpty();
            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).allSatisfy(message -> assertThat(message)
                    .doesNotContain("right", "wrong-pw", "typed-my-secret", "\n",
                            response.accessToken(), response.refreshToken()));
        } finally {
            root.detachAppender(logged);
        }
    }

    private void failTimes(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertRejected(() -> login.login(new LoginRequest(username, "wrong", "laptop"), IP, "e"),
                    ErrorCode.UNAUTHENTICATED, "wrong user name or password");
        }
    }

    private static void assertRejected(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }

    private static void assertRateLimited(ThrowingCallable call, long retryAfterMs) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(e.retryAfterMs()).isEqualTo(retryAfterMs);
        });
    }
}
