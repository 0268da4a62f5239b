package dev.holdfast.protocol.http;

import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.Require;

/** Every HTTP error answer: {@code {"error": {...}}}. */
public record ErrorBody(Detail error) {
    public ErrorBody {
        Require.present(error, "error");
    }

    public record Detail(ErrorCode code, String message, Long retryAfterMs, String epoch) {
        public Detail {
            Require.present(code, "code");
            message = message == null ? "" : message;
        }
    }

    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(new Detail(code, message, null, null));
    }
}
