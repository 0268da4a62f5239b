package dev.holdfast.client.api;

import dev.holdfast.client.common.Problem;
import dev.holdfast.protocol.ErrorCode;

/**
 * An HTTP call to the platform failed: either the platform answered with an error (then
 * {@link #code()} and {@link #httpStatus()} say which), or it could not be asked at all (then
 * {@code code} is null and {@code httpStatus} is 0). {@link #problem()} turns it into what the
 * user is told. The message is for the log and never holds a token, a password or a body that
 * was sent.
 */
public final class ApiException extends RuntimeException {
    private final String operation;
    private final boolean signIn;
    private final ErrorCode code;
    private final int httpStatus;
    private final Long retryAfterMs;
    private final boolean unreachable;

    private ApiException(String operation, boolean signIn, ErrorCode code, int httpStatus, String detail,
                         Long retryAfterMs, boolean unreachable, Throwable cause) {
        super(operation + ": " + detail, cause);
        this.operation = operation;
        this.signIn = signIn;
        this.code = code;
        this.httpStatus = httpStatus;
        this.retryAfterMs = retryAfterMs;
        this.unreachable = unreachable;
    }

    /** The platform answered {@code httpStatus} with {@code code}; {@code message} is the platform's. */
    static ApiException answered(String operation, boolean signIn, int httpStatus, ErrorCode code, String message,
                                 Long retryAfterMs) {
        return new ApiException(operation, signIn, code, httpStatus,
                "HTTP " + httpStatus + " " + code + (message == null || message.isEmpty() ? "" : ": " + message),
                retryAfterMs, false, null);
    }

    /** The call never got an answer: {@code unreachable} when it could not even connect. */
    static ApiException network(String operation, boolean signIn, boolean unreachable, Throwable cause) {
        String what = unreachable ? "platform unreachable" : "connection interrupted";
        return new ApiException(operation, signIn, null, 0, what + " (" + cause + ")", null, unreachable, cause);
    }

    /** What was attempted, as method and path, e.g. {@code POST /v1/auth/login}. */
    public String operation() {
        return operation;
    }

    /** The platform's error code; null when the platform was not heard (network failure). */
    public ErrorCode code() {
        return code;
    }

    /** The HTTP status; 0 when the platform was not heard. */
    public int httpStatus() {
        return httpStatus;
    }

    /** With RATE_LIMITED: wait at least this long before trying again. */
    public Long retryAfterMs() {
        return retryAfterMs;
    }

    /** The platform could not be reached: connection refused, timeout, unknown host, TLS failure. */
    public boolean unreachable() {
        return unreachable;
    }

    /** What to tell the user, and whether it will pass by itself. */
    public Problem problem() {
        String detail = getMessage();
        if (code == null) {
            return unreachable
                    ? new Problem(Problem.Kind.TRANSIENT, "The platform cannot be reached", detail)
                    : new Problem(Problem.Kind.TRANSIENT, "The connection to the platform was interrupted", detail);
        }
        return switch (code) {
            case RATE_LIMITED -> new Problem(Problem.Kind.NEEDS_USER, retryAfterMs == null
                    ? "Too many attempts; try again later"
                    : "Too many attempts; try again in " + ceilSeconds(retryAfterMs) + " s", detail);
            // On sign-in it is the password; anywhere else the sign-in itself is no longer accepted.
            case UNAUTHENTICATED -> new Problem(Problem.Kind.NEEDS_USER,
                    signIn ? "Wrong user name or password" : "Please sign in again", detail);
            case TOKEN_EXPIRED -> new Problem(Problem.Kind.TRANSIENT, "Your sign-in is being renewed", detail);
            case FORBIDDEN -> new Problem(Problem.Kind.NEEDS_USER, "You are not allowed to do that", detail);
            case NOT_FOUND -> new Problem(Problem.Kind.NEEDS_USER, "It no longer exists on the platform", detail);
            case CONFLICT -> new Problem(Problem.Kind.NEEDS_USER,
                    "The conversation changed in the meantime; look again and retry", detail);
            case SESSION_UNKNOWN, EPOCH_CHANGED, CURSOR_TOO_OLD -> new Problem(Problem.Kind.TRANSIENT,
                    "The platform is recovering", detail);
            case INTERNAL -> new Problem(Problem.Kind.TRANSIENT, httpStatus == 500
                    ? "The platform ran into a problem; trying again"
                    : "The platform answered unexpectedly (HTTP " + httpStatus + "); trying again", detail);
            case IDEMPOTENCY_MISMATCH -> new Problem(Problem.Kind.FATAL,
                    "This message clashes with one sent earlier and cannot be sent", detail);
            case PAYLOAD_TOO_LARGE -> new Problem(Problem.Kind.FATAL, "This is too large for the platform", detail);
            case UNSUPPORTED_VERSION -> new Problem(Problem.Kind.FATAL,
                    "This panel is too old for the platform and must be updated", detail);
            case BAD_REQUEST -> new Problem(Problem.Kind.FATAL, "The platform refused the request as invalid", detail);
        };
    }

    private static long ceilSeconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }
}
