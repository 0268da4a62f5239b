package dev.holdfast.client.common;

import java.util.Objects;

/**
 * Something went wrong, typed by what the user has to do about it. The UI shows
 * {@code userMessage}; the log gets {@code detail}. Neither ever holds a token or a password.
 *
 * @param kind        what happens next
 * @param userMessage plain words for the person at the desk, e.g. "The platform cannot be reached"
 * @param detail      what a developer needs in the log: the operation, status and code
 */
public record Problem(Kind kind, String userMessage, String detail) {

    public enum Kind {
        /** It will pass: the core retries by itself, and the user only needs to be told. */
        TRANSIENT,
        /** The user must act: sign in again, look at a changed conversation, wait out a lock. */
        NEEDS_USER,
        /** Retrying cannot help: a bug or an incompatible platform. Report it. */
        FATAL
    }

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(userMessage, "userMessage");
        detail = detail == null ? "" : detail;
    }
}
