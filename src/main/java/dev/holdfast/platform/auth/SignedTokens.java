package dev.holdfast.platform.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ProtocolException;
import java.time.Instant;
import java.util.Optional;

/**
 * HS256 JWTs of one of three types (access, refresh, customer). The type travels in a claim so
 * that no token can stand in for another kind. Expiry is left to the caller, which owns the clock.
 */
final class SignedTokens {
    static final String ACCESS = "access";
    static final String REFRESH = "refresh";
    static final String CUSTOMER = "customer";
    private static final String ISSUER = "holdfast";
    private static final String TYPE_CLAIM = "typ";
    /** Far longer than any token we issue; anything longer is not worth decoding. */
    private static final int MAX_TOKEN_CHARS = 8_192;

    private final Algorithm algorithm;

    SignedTokens(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("token key must have at least 32 bytes");
        }
        this.algorithm = Algorithm.HMAC256(key);
    }

    /** expiresAt is truncated to whole seconds, as JWT "exp" is in seconds. */
    JWTCreator.Builder builder(String type, String subject, long expiresAtMillis) {
        return JWT.create()
                .withIssuer(ISSUER)
                .withClaim(TYPE_CLAIM, type)
                .withSubject(subject)
                .withExpiresAt(Instant.ofEpochSecond(expiresAtMillis / 1000));
    }

    String sign(JWTCreator.Builder builder) {
        return builder.sign(algorithm);
    }

    /** The token if we signed it, unmodified, as this type; says nothing about expiry. */
    Optional<DecodedJWT> open(String token, String type) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        try {
            DecodedJWT jwt = JWT.decode(token);
            if (!algorithm.getName().equals(jwt.getAlgorithm())) {
                return Optional.empty();
            }
            algorithm.verify(jwt);
            if (!ISSUER.equals(jwt.getIssuer()) || !type.equals(jwt.getClaim(TYPE_CLAIM).asString())
                    || jwt.getExpiresAt() == null) {
                return Optional.empty();
            }
            return Optional.of(jwt);
        } catch (JWTVerificationException | IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    static long expiresAtMillis(DecodedJWT jwt) {
        return jwt.getExpiresAt().getTime();
    }

    static String text(DecodedJWT jwt, String claim, String rejection) {
        String value = jwt.getClaim(claim).asString();
        if (value == null || value.isEmpty()) {
            throw new ProtocolException(ErrorCode.UNAUTHENTICATED, rejection);
        }
        return value;
    }

    static long number(DecodedJWT jwt, String claim, String rejection) {
        Claim value = jwt.getClaim(claim);
        Long number = value.isMissing() || value.isNull() ? null : value.asLong();
        if (number == null) {
            throw new ProtocolException(ErrorCode.UNAUTHENTICATED, rejection);
        }
        return number;
    }
}
