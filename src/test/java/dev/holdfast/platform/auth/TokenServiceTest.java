package dev.holdfast.platform.auth;

import dev.holdfast.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.holdfast.platform.config.Policies;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.http.TokenResponse;
import dev.holdfast.protocol.http.UserInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenServiceTest {
    private static final byte[] KEY = filled(32, 1);
    private static final Instant START = Instant.parse("2024-03-01T09:00:00.250Z");
    private static final Account AGENT = new Account("agent1", "agent1", "Alex Rivera", Role.AGENT,
            List.of("support"), 5);
    private static final Account SUPERVISOR = new Account("sup", "sup", "Sam", Role.SUPERVISOR, List.of(), 5);
    private static final CustomerInfo CUSTOMER = new CustomerInfo("cust-9", "Dana", "de", "email", List.of("vip", "b2b"));

    private final MutableClock clock = new MutableClock(START);
    private final MemoryRefreshLedger ledger = new MemoryRefreshLedger();
    private final TokenService tokens = new TokenService(KEY, Policies.defaults(), clock, ledger);
    private final Map<String, Account> accounts = new java.util.HashMap<>(Map.of("agent1", AGENT, "sup", SUPERVISOR));
    private final Function<String, Optional<Account>> lookup = id -> Optional.ofNullable(accounts.get(id));

    @TempDir
    Path dir;

    // --- issue and access tokens ---

    @Test
    void issueGivesBothTokensTheUserAndTheEpoch() {
        TokenResponse response = tokens.issue(AGENT, "laptop", "epoch-1");

        assertThat(response.user()).isEqualTo(new UserInfo("agent1", "agent1", "Alex Rivera", Role.AGENT,
                List.of("support")));
        assertThat(response.epoch()).isEqualTo("epoch-1");
        // Expiry in whole seconds, as JWT "exp" expresses it: the 250 ms of START are dropped.
        assertThat(response.accessExpiresAt()).isEqualTo(Instant.parse("2024-03-01T09:15:00Z").toEpochMilli());
        assertThat(response.refreshExpiresAt()).isEqualTo(Instant.parse("2024-03-31T09:00:00Z").toEpochMilli());
        assertThat(response.accessToken()).isNotEqualTo(response.refreshToken());
    }

    @Test
    void accessTokenCarriesUserRoleDeviceAndIssuedAtInMilliseconds() {
        TokenResponse response = tokens.issue(AGENT, "laptop", "e");

        DecodedJWT jwt = JWT.decode(response.accessToken());
        assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
        assertThat(jwt.getSubject()).isEqualTo("agent1");
        assertThat(jwt.getClaim("role").asString()).isEqualTo("agent");
        assertThat(jwt.getClaim("dev").asString()).isEqualTo("laptop");
        assertThat(jwt.getClaim("iatMs").asLong()).isEqualTo(START.toEpochMilli());
        assertThat(jwt.getClaim("typ").asString()).isEqualTo("access");
        assertThat(jwt.getExpiresAt().getTime()).isEqualTo(response.accessExpiresAt());

        assertThat(tokens.verifyAccess(response.accessToken()))
                .isEqualTo(new AccessClaims("agent1", Role.AGENT, "laptop", response.accessExpiresAt()));
    }

    @Test
    void refreshTokenCarriesUserDeviceFamilyAndGenerationOne() {
        TokenResponse response = tokens.issue(SUPERVISOR, "desk", "e");

        DecodedJWT jwt = JWT.decode(response.refreshToken());
        assertThat(jwt.getSubject()).isEqualTo("sup");
        assertThat(jwt.getClaim("dev").asString()).isEqualTo("desk");
        assertThat(jwt.getClaim("gen").asLong()).isEqualTo(1);
        assertThat(jwt.getClaim("fam").asString()).isNotBlank();
        assertThat(jwt.getClaim("typ").asString()).isEqualTo("refresh");
        assertThat(ledger.generation(jwt.getClaim("fam").asString())).hasValue(1);
        assertThat(family(tokens.issue(SUPERVISOR, "desk", "e").refreshToken()))
                .isNotEqualTo(jwt.getClaim("fam").asString());
    }

    @Test
    void accessTokenIsGoodUntilItsExpiryMillisecond() {
        TokenResponse response = tokens.issue(AGENT, "laptop", "e");

        clock.set(Instant.ofEpochMilli(response.accessExpiresAt() - 1));
        assertThat(tokens.verifyAccess(response.accessToken()).userId()).isEqualTo("agent1");

        clock.advanceMillis(1);
        assertRejected(() -> tokens.verifyAccess(response.accessToken()), ErrorCode.TOKEN_EXPIRED,
                "access token expired");
    }

    @Test
    void accessTokenLifetimeFollowsThePolicy() {
        TokenService shortLived = new TokenService(KEY, new Policies(5, 60, 1000, 120, 300, 30, 1, 1),
                MutableClock.at("2024-03-01T09:00:00Z"), ledger);

        TokenResponse response = shortLived.issue(AGENT, "d", "e");

        assertThat(response.accessExpiresAt() - Instant.parse("2024-03-01T09:00:00Z").toEpochMilli())
                .isEqualTo(30_000);
        assertThat(response.refreshExpiresAt() - Instant.parse("2024-03-01T09:00:00Z").toEpochMilli())
                .isEqualTo(Duration.ofDays(1).toMillis());
    }

    @Test
    void expireAccessTokensExpiresEveryTokenIssuedUpToNow() {
        TokenResponse early = tokens.issue(AGENT, "laptop", "e");
        clock.advanceMillis(400);
        TokenResponse sameInstant = tokens.issue(SUPERVISOR, "desk", "e");

        tokens.expireAccessTokens();

        assertRejected(() -> tokens.verifyAccess(early.accessToken()), ErrorCode.TOKEN_EXPIRED, "access token expired");
        assertRejected(() -> tokens.verifyAccess(sameInstant.accessToken()), ErrorCode.TOKEN_EXPIRED,
                "access token expired");
        clock.advance(Duration.ofMinutes(5));
        assertRejected(() -> tokens.verifyAccess(early.accessToken()), ErrorCode.TOKEN_EXPIRED, "access token expired");
    }

    @Test
    void tokensIssuedAfterExpireAccessTokensAreGoodEvenInTheSameMillisecond() {
        tokens.issue(AGENT, "laptop", "e");
        tokens.expireAccessTokens();

        TokenResponse sameMillisecond = tokens.issue(AGENT, "laptop", "e");
        clock.advanceMillis(1);
        TokenResponse later = tokens.issue(AGENT, "laptop", "e");

        assertThat(tokens.verifyAccess(sameMillisecond.accessToken()).userId()).isEqualTo("agent1");
        assertThat(tokens.verifyAccess(later.accessToken()).userId()).isEqualTo("agent1");
    }

    @Test
    void refreshKeepsWorkingAfterExpireAccessTokens() {
        TokenResponse signedIn = tokens.issue(AGENT, "laptop", "e");
        clock.advance(Duration.ofSeconds(10));
        tokens.expireAccessTokens();
        assertRejected(() -> tokens.verifyAccess(signedIn.accessToken()), ErrorCode.TOKEN_EXPIRED,
                "access token expired");

        TokenResponse refreshed = tokens.refresh(signedIn.refreshToken(), "e2", lookup);

        assertThat(tokens.verifyAccess(refreshed.accessToken()).userId()).isEqualTo("agent1");
        assertThat(refreshed.epoch()).isEqualTo("e2");
    }

    @Test
    void aNewServiceDoesNotInheritExpireAccessTokens() {
        TokenResponse signedIn = tokens.issue(AGENT, "laptop", "e");
        tokens.expireAccessTokens();

        TokenService restarted = new TokenService(KEY, Policies.defaults(), clock, ledger);

        assertThat(restarted.verifyAccess(signedIn.accessToken()).userId()).isEqualTo("agent1");
    }

    @Test
    void tokensOfOneKindAreNotAcceptedAsAnother() {
        TokenResponse signedIn = tokens.issue(AGENT, "laptop", "e");
        String customer = tokens.issueCustomer("conv-1", CUSTOMER);

        assertRejected(() -> tokens.verifyAccess(signedIn.refreshToken()), ErrorCode.UNAUTHENTICATED,
                "invalid access token");
        assertRejected(() -> tokens.verifyAccess(customer), ErrorCode.UNAUTHENTICATED, "invalid access token");
        assertRejected(() -> tokens.verifyCustomer(signedIn.accessToken()), ErrorCode.UNAUTHENTICATED,
                "invalid customer token");
        assertRejected(() -> tokens.verifyCustomer(signedIn.refreshToken()), ErrorCode.UNAUTHENTICATED,
                "invalid customer token");
        assertRejected(() -> tokens.refresh(signedIn.accessToken(), "e", lookup), ErrorCode.UNAUTHENTICATED,
                "invalid refresh token; sign in again");
        assertRejected(() -> tokens.refresh(customer, "e", lookup), ErrorCode.UNAUTHENTICATED,
                "invalid refresh token; sign in again");
    }

    @Test
    void anExpiredTokenOfAnotherKindIsInvalidRatherThanExpired() {
        TokenResponse signedIn = tokens.issue(AGENT, "laptop", "e");
        clock.advance(Duration.ofDays(31));

        assertRejected(() -> tokens.verifyAccess(signedIn.refreshToken()), ErrorCode.UNAUTHENTICATED,
                "invalid access token");
    }

    @Test
    void malformedAndForgedAccessTokensAreUnauthenticated() {
        String good = tokens.issue(AGENT, "laptop", "e").accessToken();
        String[] parts = good.split("\\.");
        String adminPayload = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"role\":\"agent\"", "\"role\":\"admin\""));
        long exp = Instant.parse("2024-03-01T10:00:00Z").getEpochSecond();
        List<String> forged = new ArrayList<>(Arrays.asList(
                null, "", "   ", "abc", "a.b.c", good + "x", good.substring(0, good.length() - 2),
                parts[0] + "." + adminPayload + "." + parts[2],
                "x".repeat(10_000)));
        // Our claims, but signed with another key, with no signature, or with another algorithm.
        forged.add(accessLike().sign(Algorithm.HMAC256(filled(32, 2))));
        forged.add(accessLike().sign(Algorithm.none()));
        forged.add(accessLike().sign(Algorithm.HMAC512(KEY)));
        // Our key, but something missing or wrong.
        forged.add(accessLike().withIssuer("elsewhere").sign(Algorithm.HMAC256(KEY)));
        forged.add(JWT.create().withIssuer("holdfast").withClaim("typ", "access").withSubject("agent1")
                .withClaim("role", "agent").withClaim("dev", "d").withClaim("iatMs", START.toEpochMilli())
                .sign(Algorithm.HMAC256(KEY)));
        forged.add(JWT.create().withIssuer("holdfast").withClaim("typ", "access").withSubject("agent1")
                .withClaim("role", "root").withClaim("dev", "d").withClaim("iatMs", START.toEpochMilli())
                .withExpiresAt(Instant.ofEpochSecond(exp)).sign(Algorithm.HMAC256(KEY)));
        forged.add(JWT.create().withIssuer("holdfast").withClaim("typ", "access").withSubject("agent1")
                .withClaim("role", "agent").withClaim("iatMs", START.toEpochMilli())
                .withExpiresAt(Instant.ofEpochSecond(exp)).sign(Algorithm.HMAC256(KEY)));
        forged.add(JWT.create().withIssuer("holdfast").withClaim("typ", "access").withSubject("agent1")
                .withClaim("role", "agent").withClaim("dev", "d").withClaim("iatMs", "yesterday")
                .withExpiresAt(Instant.ofEpochSecond(exp)).sign(Algorithm.HMAC256(KEY)));
        forged.add(JWT.create().withIssuer("holdfast").withClaim("typ", "access")
                .withClaim("role", "agent").withClaim("dev", "d").withClaim("iatMs", START.toEpochMilli())
                .withExpiresAt(Instant.ofEpochSecond(exp)).sign(Algorithm.HMAC256(KEY)));

        for (String token : forged) {
            assertRejected(() -> tokens.verifyAccess(token), ErrorCode.UNAUTHENTICATED, "invalid access token");
        }
        // The control: the same construction with everything right is accepted.
        assertThat(tokens.verifyAccess(accessLike().sign(Algorithm.HMAC256(KEY))).role()).isEqualTo(Role.AGENT);
    }

    // --- refresh ---

    @Test
    void refreshRotatesAndCarriesDeviceAndCurrentAccount() {
        TokenResponse first = tokens.issue(AGENT, "laptop", "e1");
        clock.advance(Duration.ofMinutes(20));
        accounts.put("agent1", new Account("agent1", "agent1", "Alex R.", Role.SUPERVISOR, List.of(), 5));

        TokenResponse second = tokens.refresh(first.refreshToken(), "e2", lookup);

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(family(second.refreshToken())).isEqualTo(family(first.refreshToken()));
        assertThat(JWT.decode(second.refreshToken()).getClaim("gen").asLong()).isEqualTo(2);
        assertThat(second.user().displayName()).isEqualTo("Alex R.");
        assertThat(tokens.verifyAccess(second.accessToken()))
                .isEqualTo(new AccessClaims("agent1", Role.SUPERVISOR, "laptop", second.accessExpiresAt()));
        assertThat(second.accessExpiresAt()).isEqualTo(Instant.parse("2024-03-01T09:35:00Z").toEpochMilli());
        // Each refresh renews the refresh token's lifetime.
        assertThat(second.refreshExpiresAt()).isEqualTo(Instant.parse("2024-03-31T09:20:00Z").toEpochMilli());
        assertThat(ledger.generation(family(first.refreshToken()))).hasValue(2);
    }

    @Test
    void eachRefreshTokenIsGoodOnceAndReuseRevokesTheWholeFamily() {
        TokenResponse r1 = tokens.issue(AGENT, "laptop", "e");
        TokenResponse r2 = tokens.refresh(r1.refreshToken(), "e", lookup);
        TokenResponse r3 = tokens.refresh(r2.refreshToken(), "e", lookup);
        TokenResponse otherDevice = tokens.issue(AGENT, "phone", "e");

        assertRejected(() -> tokens.refresh(r1.refreshToken(), "e", lookup), ErrorCode.UNAUTHENTICATED,
                "refresh token already used; sign in again");

        // The newest token of the family is gone too: the thief and the owner both sign in again.
        assertRejected(() -> tokens.refresh(r3.refreshToken(), "e", lookup), ErrorCode.UNAUTHENTICATED,
                "refresh token revoked; sign in again");
        assertThat(ledger.isRevoked(family(r1.refreshToken()))).isTrue();
        // Other sign-ins of the same user are not affected.
        assertThat(tokens.refresh(otherDevice.refreshToken(), "e", lookup).user().id()).isEqualTo("agent1");
    }

    @Test
    void presentingTheSameTokenTwiceInARowIsReuse() {
        TokenResponse r1 = tokens.issue(AGENT, "laptop", "e");
        tokens.refresh(r1.refreshToken(), "e", lookup);

        assertRejected(() -> tokens.refresh(r1.refreshToken(), "e", lookup), ErrorCode.UNAUTHENTICATED,
                "refresh token already used; sign in again");
    }

    @Test
    void ofConcurrentRefreshesWithOneTokenExactlyOneSucceeds() throws Exception {
        TokenResponse r1 = tokens.issue(AGENT, "laptop", "e");
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Boolean> attempt = () -> {
                    go.await();
                    try {
                        tokens.refresh(r1.refreshToken(), "e", lookup);
                        return true;
                    } catch (ProtocolException refused) {
                        return false;
                    }
                };
                results.add(pool.submit(attempt));
            }
            go.countDown();
            int successes = 0;
            for (Future<Boolean> result : results) {
                successes += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(successes).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refreshTokenExpiresAfterTheConfiguredDays() {
        TokenResponse signedIn = tokens.issue(AGENT, "laptop", "e");

        clock.set(Instant.ofEpochMilli(signedIn.refreshExpiresAt() - 1));
        TokenResponse lastMoment = tokens.refresh(signedIn.refreshToken(), "e", lookup);
        assertThat(lastMoment.user().id()).isEqualTo("agent1");

        clock.set(Instant.ofEpochMilli(lastMoment.refreshExpiresAt()));
        assertRejected(() -> tokens.refresh(lastMoment.refreshToken(), "e", lookup), ErrorCode.UNAUTHENTICATED,
                "refresh token expired; sign in again");
    }

    @Test
    void refreshFailsWhenTheAccountIsGone() {
        TokenResponse signedIn = tokens.issue(AGENT, "laptop", "e");
        accounts.remove("agent1");

        assertRejected(() -> tokens.refresh(signedIn.refreshToken(), "e", lookup), ErrorCode.UNAUTHENTICATED,
                "account no longer exists; sign in again");

        accounts.put("agent1", AGENT);
        assertRejected(() -> tokens.refresh(signedIn.refreshToken(), "e", lookup), ErrorCode.UNAUTHENTICATED,
                "refresh token revoked; sign in again");
    }

    @Test
    void garbageRefreshTokensAreUnauthenticated() {
        String good = tokens.issue(AGENT, "laptop", "e").refreshToken();
        long exp = Instant.parse("2024-03-02T00:00:00Z").getEpochSecond();
        List<String> garbage = new ArrayList<>(Arrays.asList(null, "", "nonsense", good + "A",
                good.substring(0, good.lastIndexOf('.'))));
        garbage.add(JWT.create().withIssuer("holdfast").withClaim("typ", "refresh").withSubject("agent1")
                .withClaim("dev", "d").withClaim("fam", "f").withClaim("gen", 1L)
                .withExpiresAt(Instant.ofEpochSecond(exp)).sign(Algorithm.HMAC256(filled(32, 9))));
        garbage.add(JWT.create().withIssuer("holdfast").withClaim("typ", "refresh").withSubject("agent1")
                .withClaim("dev", "d").withClaim("gen", 1L)
                .withExpiresAt(Instant.ofEpochSecond(exp)).sign(Algorithm.HMAC256(KEY)));
        garbage.add(JWT.create().withIssuer("holdfast").withClaim("typ", "refresh").withSubject("agent1")
                .withClaim("dev", "d").withClaim("fam", "f")
                .withExpiresAt(Instant.ofEpochSecond(exp)).sign(Algorithm.HMAC256(KEY)));

        for (String token : garbage) {
            assertRejected(() -> tokens.refresh(token, "e", lookup), ErrorCode.UNAUTHENTICATED,
                    "invalid refresh token; sign in again");
        }
    }

    @Test
    void anUnknownFamilyIsAdoptedAtThePresentedGeneration() {
        TokenResponse r1 = tokens.issue(AGENT, "laptop", "e");
        TokenResponse r2 = tokens.refresh(r1.refreshToken(), "e", lookup);
        // A restart with a memory ledger: same key, nothing remembered.
        MemoryRefreshLedger emptyLedger = new MemoryRefreshLedger();
        TokenService restarted = new TokenService(KEY, Policies.defaults(), clock, emptyLedger);

        TokenResponse r3 = restarted.refresh(r2.refreshToken(), "e", lookup);

        assertThat(JWT.decode(r3.refreshToken()).getClaim("gen").asLong()).isEqualTo(3);
        assertThat(emptyLedger.generation(family(r1.refreshToken()))).hasValue(3);
        // From then on reuse is detected again.
        assertRejected(() -> restarted.refresh(r2.refreshToken(), "e", lookup), ErrorCode.UNAUTHENTICATED,
                "refresh token already used; sign in again");
    }

    @Test
    void aDurableLedgerDetectsReuseAndSignOutsAcrossARestart() {
        Path db = dir.resolve("holdfast.db");
        TokenResponse r1;
        TokenResponse loggedOut;
        try (SqliteRefreshLedger durable = new SqliteRefreshLedger(db)) {
            TokenService before = new TokenService(KEY, Policies.defaults(), clock, durable);
            r1 = before.issue(AGENT, "laptop", "e");
            before.refresh(r1.refreshToken(), "e", lookup);
            loggedOut = before.issue(AGENT, "phone", "e");
            before.logout(loggedOut.refreshToken());
        }
        try (SqliteRefreshLedger reopened = new SqliteRefreshLedger(db)) {
            TokenService after = new TokenService(KEY, Policies.defaults(), clock, reopened);

            assertRejected(() -> after.refresh(r1.refreshToken(), "e", lookup), ErrorCode.UNAUTHENTICATED,
                    "refresh token already used; sign in again");
            assertRejected(() -> after.refresh(loggedOut.refreshToken(), "e", lookup), ErrorCode.UNAUTHENTICATED,
                    "refresh token revoked; sign in again");
        }
    }

    @Test
    void theLedgerForgetsFamiliesOnceAllTheirTokensExpired() {
        TokenResponse old = tokens.issue(AGENT, "laptop", "e");
        clock.advance(Duration.ofDays(30).plusSeconds(1));

        TokenResponse fresh = tokens.issue(AGENT, "laptop", "e");

        assertThat(ledger.generation(family(old.refreshToken()))).isEmpty();
        assertThat(ledger.generation(family(fresh.refreshToken()))).hasValue(1);
    }

    // --- logout ---

    @Test
    void logoutRevokesTheFamily() {
        TokenResponse r1 = tokens.issue(AGENT, "laptop", "e");
        TokenResponse r2 = tokens.refresh(r1.refreshToken(), "e", lookup);
        TokenResponse other = tokens.issue(AGENT, "phone", "e");

        tokens.logout(r1.refreshToken());

        assertRejected(() -> tokens.refresh(r2.refreshToken(), "e", lookup), ErrorCode.UNAUTHENTICATED,
                "refresh token revoked; sign in again");
        assertThat(tokens.refresh(other.refreshToken(), "e", lookup).user().id()).isEqualTo("agent1");
    }

    @Test
    void logoutIgnoresGarbage() {
        tokens.logout(null);
        tokens.logout("");
        tokens.logout("garbage");
        tokens.logout(tokens.issue(AGENT, "laptop", "e").accessToken());
        tokens.logout(tokens.issueCustomer("conv-1", CUSTOMER));
    }

    // --- customer tokens ---

    @Test
    void customerTokenNamesTheConversationAndTheCustomer() {
        String token = tokens.issueCustomer("conv-1", CUSTOMER);

        assertThat(tokens.verifyCustomer(token)).isEqualTo(new CustomerClaims("conv-1", CUSTOMER));
        assertThat(JWT.decode(token).getClaim("typ").asString()).isEqualTo("customer");
        CustomerInfo plain = new CustomerInfo("cust-1", "Eve", null, null, null);
        assertThat(tokens.verifyCustomer(tokens.issueCustomer("conv-2", plain)))
                .isEqualTo(new CustomerClaims("conv-2", plain));
    }

    @Test
    void customerTokenExpiresAfterTheConfiguredHours() {
        String token = tokens.issueCustomer("conv-1", CUSTOMER);
        long expiresAt = Instant.parse("2024-03-02T09:00:00Z").toEpochMilli();

        clock.set(Instant.ofEpochMilli(expiresAt - 1));
        assertThat(tokens.verifyCustomer(token).conversationId()).isEqualTo("conv-1");

        clock.set(Instant.ofEpochMilli(expiresAt));
        assertRejected(() -> tokens.verifyCustomer(token), ErrorCode.TOKEN_EXPIRED, "customer token expired");
    }

    @Test
    void customerTokensSurviveExpireAccessTokens() {
        String token = tokens.issueCustomer("conv-1", CUSTOMER);

        tokens.expireAccessTokens();

        assertThat(tokens.verifyCustomer(token).customer()).isEqualTo(CUSTOMER);
    }

    @Test
    void garbageCustomerTokensAreUnauthenticated() {
        String good = tokens.issueCustomer("conv-1", CUSTOMER);
        long exp = Instant.parse("2024-03-02T00:00:00Z").getEpochSecond();
        List<String> garbage = new ArrayList<>(Arrays.asList(null, "", "x.y.z", good + "A"));
        garbage.add(JWT.create().withIssuer("holdfast").withClaim("typ", "customer").withSubject("conv-1")
                .withClaim("cname", "Dana").withExpiresAt(Instant.ofEpochSecond(exp)).sign(Algorithm.HMAC256(KEY)));
        garbage.add(JWT.create().withIssuer("holdfast").withClaim("typ", "customer").withSubject("conv-1")
                .withClaim("cid", "c").withClaim("cname", "Dana").withClaim("ctags", "not-a-list")
                .withExpiresAt(Instant.ofEpochSecond(exp)).sign(Algorithm.HMAC256(KEY)));
        garbage.add(JWT.create().withIssuer("holdfast").withClaim("typ", "customer")
                .withClaim("cid", "c").withClaim("cname", "Dana")
                .withExpiresAt(Instant.ofEpochSecond(exp)).sign(Algorithm.HMAC256(KEY)));

        for (String token : garbage) {
            assertRejected(() -> tokens.verifyCustomer(token), ErrorCode.UNAUTHENTICATED, "invalid customer token");
        }
    }

    // --- construction ---

    @Test
    void refusesShortKeysAndMissingDeviceIds() {
        assertThatThrownBy(() -> new TokenService(filled(16, 1), Policies.defaults(), clock, ledger))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue(AGENT, " ", "e")).isInstanceOf(IllegalArgumentException.class);
    }

    // --- helpers ---

    private static com.auth0.jwt.JWTCreator.Builder accessLike() {
        return JWT.create().withIssuer("holdfast").withClaim("typ", "access").withSubject("agent1")
                .withClaim("role", "agent").withClaim("dev", "d").withClaim("iatMs", START.toEpochMilli())
                .withExpiresAt(Instant.parse("2024-03-01T10:00:00Z"));
    }

    private static String family(String refreshToken) {
        return JWT.decode(refreshToken).getClaim("fam").asString();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRejected(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
