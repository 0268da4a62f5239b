package dev.holdfast.protocol;

/**
 * A request or frame that breaks the protocol or cannot be served, carrying the code to answer
 * with. {@code retryAfterMs} is set with RATE_LIMITED.
 */
public final class ProtocolException extends RuntimeException {
    private final ErrorCode code;
    private final Long retryAfterMs;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public ProtocolException(ErrorCode code, String message, Throwable cause) {
        this(code, message, null, cause);
    }

    public ProtocolException(ErrorCode code, String message, Long retryAfterMs, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryAfterMs = retryAfterMs;
    }

    public static ProtocolException rateLimited(String message, long retryAfterMs) {
        return new ProtocolException(ErrorCode.RATE_LIMITED, message, retryAfterMs, null);
    }

    public ErrorCode code() {
        return code;
    }

    public Long retryAfterMs() {
        return retryAfterMs;
    }
}
