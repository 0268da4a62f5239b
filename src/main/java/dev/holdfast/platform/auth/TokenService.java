package dev.holdfast.platform.auth;

import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.holdfast.platform.config.Policies;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.http.TokenResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues and checks the platform's tokens. Access tokens are short-lived and stateless; refresh
 * tokens rotate, each good for one refresh, and belong to a family recorded in a
 * {@link RefreshLedger} so that a stolen, already-spent token revokes the whole family.
 */
public final class TokenService {
    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    private static final Duration LEDGER_CLEANUP_INTERVAL = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String ROLE = "role";
    private static final String DEVICE = "dev";
    /** JWT "iat" has whole seconds; expireAccessTokens needs milliseconds. */
    private static final String ISSUED_AT_MILLIS = "iatMs";
    private static final String FAMILY = "fam";
    private static final String GENERATION = "gen";
    private static final String CUSTOMER_ID = "cid";
    private static final String CUSTOMER_NAME = "cname";
    private static final String CUSTOMER_LANGUAGE = "clang";
    private static final String CUSTOMER_CHANNEL = "cchan";
    private static final String CUSTOMER_TAGS = "ctags";

    private static final String INVALID_ACCESS = "invalid access token";
    private static final String INVALID_REFRESH = "invalid refresh token; sign in again";
    private static final String INVALID_CUSTOMER = "invalid customer token";

    private final SignedTokens tokens;
    private final Policies policies;
    private final Clock clock;
    private final RefreshLedger ledger;
    /** Access tokens issued at or before this instant (epoch ms) are expired. */
    private final AtomicLong accessNotAfter = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastLedgerCleanup;

    public TokenService(byte[] tokenKey, Policies policies, Clock clock, RefreshLedger ledger) {
        this.tokens = new SignedTokens(tokenKey);
        this.policies = Objects.requireNonNull(policies, "policies");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.lastLedgerCleanup = new AtomicLong(clock.millis());
    }

    /** Signs in a device: a new refresh family at generation 1. */
    public TokenResponse issue(Account account, String deviceId, String epoch) {
        requireText(deviceId, "deviceId");
        long now = clock.millis();
        String family = newFamilyId();
        long refreshExpiresAt = refreshExpiry(now);
        ledger.start(family, 1, refreshExpiresAt);
        cleanUpLedgerNow(now);
        return respond(account, deviceId, family, 1, now, refreshExpiresAt, epoch);
    }

    public AccessClaims verifyAccess(String token) {
        DecodedJWT jwt = tokens.open(token, SignedTokens.ACCESS)
                .orElseThrow(() -> unauthenticated(INVALID_ACCESS));
        String userId = jwt.getSubject();
        if (userId == null || userId.isEmpty()) {
            throw unauthenticated(INVALID_ACCESS);
        }
        Role role = role(SignedTokens.text(jwt, ROLE, INVALID_ACCESS));
        String deviceId = SignedTokens.text(jwt, DEVICE, INVALID_ACCESS);
        long issuedAt = SignedTokens.number(jwt, ISSUED_AT_MILLIS, INVALID_ACCESS);
        long expiresAt = SignedTokens.expiresAtMillis(jwt);
        if (clock.millis() >= expiresAt || issuedAt <= accessNotAfter.get()) {
            throw new ProtocolException(ErrorCode.TOKEN_EXPIRED, "access token expired");
        }
        return new AccessClaims(userId, role, deviceId, expiresAt);
    }

    /**
     * Spends a refresh token for a new access token and the next refresh token of its family.
     * The role and profile come from the account as it is now.
     */
    public TokenResponse refresh(String refreshToken, String epoch, Function<String, Optional<Account>> accountById) {
        DecodedJWT jwt = tokens.open(refreshToken, SignedTokens.REFRESH)
                .orElseThrow(() -> unauthenticated(INVALID_REFRESH));
        String userId = jwt.getSubject();
        if (userId == null || userId.isEmpty()) {
            throw unauthenticated(INVALID_REFRESH);
        }
        String deviceId = SignedTokens.text(jwt, DEVICE, INVALID_REFRESH);
        String family = SignedTokens.text(jwt, FAMILY, INVALID_REFRESH);
        long generation = SignedTokens.number(jwt, GENERATION, INVALID_REFRESH);
        long expiresAt = SignedTokens.expiresAtMillis(jwt);
        long now = clock.millis();
        if (now >= expiresAt) {
            throw unauthenticated("refresh token expired; sign in again");
        }
        Optional<Account> account = accountById.apply(userId);
        if (account.isEmpty()) {
            ledger.revoke(family, expiresAt);
            throw unauthenticated("account no longer exists; sign in again");
        }
        long nextExpiresAt = refreshExpiry(now);
        spend(family, generation, expiresAt, nextExpiresAt, userId, deviceId);
        cleanUpLedgerNow(now);
        return respond(account.get(), deviceId, family, generation + 1, now, nextExpiresAt, epoch);
    }

    /**
     * Moves the family past {@code generation}, or fails. An unknown family is adopted at the
     * presented generation: the ledger was lost (memory after a restart), and refusing would sign
     * everyone out. A generation below the current one was spent before: someone holds a copy,
     * so the whole family goes.
     */
    private void spend(String family, long generation, long presentedExpiresAt, long nextExpiresAt,
                       String userId, String deviceId) {
        ledger.start(family, generation, presentedExpiresAt);
        while (true) {
            if (ledger.isRevoked(family)) {
                throw unauthenticated("refresh token revoked; sign in again");
            }
            OptionalLong current = ledger.generation(family);
            if (current.isEmpty()) {
                ledger.start(family, generation, presentedExpiresAt);
                continue;
            }
            if (generation < current.getAsLong()) {
                ledger.revoke(family, Math.max(presentedExpiresAt, nextExpiresAt));
                log.warn("refresh token reuse for user {} on device {}: signed out that sign-in", userId, deviceId);
                throw unauthenticated("refresh token already used; sign in again");
            }
            if (ledger.advance(family, current.getAsLong(), generation + 1, nextExpiresAt)) {
                return;
            }
            // Another refresh of this family won the race; look again.
        }
    }

    /** Ends the sign-in the token belongs to. Anything that is not one of our refresh tokens is ignored. */
    /** Revokes the refresh token's family; returns whose device signed out, when the token says. */
    public Optional<SignedOut> logout(String refreshToken) {
        return tokens.open(refreshToken, SignedTokens.REFRESH).flatMap(jwt -> {
            String family = jwt.getClaim(FAMILY).asString();
            if (family != null && !family.isEmpty()) {
                ledger.revoke(family, SignedTokens.expiresAtMillis(jwt));
            }
            String deviceId = jwt.getClaim(DEVICE).asString();
            return jwt.getSubject() == null || deviceId == null ? Optional.empty()
                    : Optional.of(new SignedOut(jwt.getSubject(), deviceId));
        });
    }

    /** Who signed out, on which device. */
    public record SignedOut(String userId, String deviceId) {
    }

    /** Every access token issued until now is expired from now on; refresh tokens stay good. */
    public void expireAccessTokens() {
        long now = clock.millis();
        accessNotAfter.accumulateAndGet(now, Math::max);
    }

    public String issueCustomer(String conversationId, CustomerInfo customer) {
        requireText(conversationId, "conversationId");
        Objects.requireNonNull(customer, "customer");
        long expiresAt = clock.millis() + policies.customerTokenTtl().toMillis();
        return tokens.sign(tokens.builder(SignedTokens.CUSTOMER, conversationId, expiresAt)
                .withClaim(CUSTOMER_ID, customer.id())
                .withClaim(CUSTOMER_NAME, customer.name())
                .withClaim(CUSTOMER_LANGUAGE, customer.language())
                .withClaim(CUSTOMER_CHANNEL, customer.channel())
                .withClaim(CUSTOMER_TAGS, customer.tags()));
    }

    public CustomerClaims verifyCustomer(String token) {
        DecodedJWT jwt = tokens.open(token, SignedTokens.CUSTOMER)
                .orElseThrow(() -> unauthenticated(INVALID_CUSTOMER));
        String conversationId = jwt.getSubject();
        if (conversationId == null || conversationId.isEmpty()) {
            throw unauthenticated(INVALID_CUSTOMER);
        }
        String customerId = SignedTokens.text(jwt, CUSTOMER_ID, INVALID_CUSTOMER);
        String name = SignedTokens.text(jwt, CUSTOMER_NAME, INVALID_CUSTOMER);
        CustomerInfo customer;
        try {
            List<String> tags = jwt.getClaim(CUSTOMER_TAGS).asList(String.class);
            if (tags == null) {
                throw unauthenticated(INVALID_CUSTOMER);
            }
            customer = new CustomerInfo(customerId, name, jwt.getClaim(CUSTOMER_LANGUAGE).asString(),
                    jwt.getClaim(CUSTOMER_CHANNEL).asString(), tags);
        } catch (JWTDecodeException | IllegalArgumentException invalid) {
            throw unauthenticated(INVALID_CUSTOMER);
        }
        if (clock.millis() >= SignedTokens.expiresAtMillis(jwt)) {
            throw new ProtocolException(ErrorCode.TOKEN_EXPIRED, "customer token expired");
        }
        return new CustomerClaims(conversationId, customer);
    }

    private TokenResponse respond(Account account, String deviceId, String family, long generation, long now,
                                  long refreshExpiresAt, String epoch) {
        // Never at or before the last expireAccessTokens(), even within the same millisecond.
        long issuedAt = Math.max(now, accessNotAfter.get() + 1);
        long accessExpiresAt = wholeSeconds(now + policies.accessTokenTtl().toMillis());
        String access = tokens.sign(tokens.builder(SignedTokens.ACCESS, account.id(), accessExpiresAt)
                .withClaim(ROLE, account.role().name().toLowerCase(Locale.ROOT))
                .withClaim(DEVICE, deviceId)
                .withClaim(ISSUED_AT_MILLIS, issuedAt));
        String refresh = tokens.sign(tokens.builder(SignedTokens.REFRESH, account.id(), refreshExpiresAt)
                .withClaim(DEVICE, deviceId)
                .withClaim(FAMILY, family)
                .withClaim(GENERATION, generation)
                .withClaim(ISSUED_AT_MILLIS, now));
        return new TokenResponse(access, accessExpiresAt, refresh, refreshExpiresAt, account.userInfo(), epoch);
    }

    private long refreshExpiry(long now) {
        return wholeSeconds(now + policies.refreshTokenTtl().toMillis());
    }

    /** What a JWT "exp" can express, so that the expiry we report is the one we enforce. */
    private static long wholeSeconds(long millis) {
        return Math.floorDiv(millis, 1000) * 1000;
    }

    /** Keeps the ledger from growing forever; cheap enough to do on the request path once an hour. */
    private void cleanUpLedgerNow(long now) {
        long last = lastLedgerCleanup.get();
        if (now - last >= LEDGER_CLEANUP_INTERVAL.toMillis() && lastLedgerCleanup.compareAndSet(last, now)) {
            int forgotten = ledger.forgetExpired(now);
            log.debug("forgot {} expired refresh families", forgotten);
        }
    }

    private static Role role(String name) {
        for (Role role : Role.values()) {
            if (role.name().toLowerCase(Locale.ROOT).equals(name)) {
                return role;
            }
        }
        throw unauthenticated(INVALID_ACCESS);
    }

    private static String newFamilyId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static ProtocolException unauthenticated(String message) {
        return new ProtocolException(ErrorCode.UNAUTHENTICATED, message);
    }
}
