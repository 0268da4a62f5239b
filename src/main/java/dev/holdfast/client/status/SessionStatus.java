package dev.holdfast.client.status;

import dev.holdfast.client.common.Problem;

/** What the user is told about the connection, as data; the UI turns it into words. */
public sealed interface SessionStatus {

    /** Nobody is signed in. */
    record SignedOut() implements SessionStatus {
    }

    record Connecting() implements SessionStatus {
    }

    /** Connected and caught up. */
    record Live(String epoch) implements SessionStatus {
    }

    /** The connection dropped; the next attempt is at {@code nextAttemptAt} (epoch millis). */
    record Reconnecting(long nextAttemptAt, int attempt) implements SessionStatus {
    }

    /** The platform cannot be reached; messages are kept and sent when it is back. */
    record Offline(long nextAttemptAt, int unsent) implements SessionStatus {
    }

    /** The platform lost its live state; conversations are being restored. */
    record Recovering(int done, int total) implements SessionStatus {
    }

    /** The platform wants the password again; the journal and the outbox are kept. */
    record NeedsPassword(String reason) implements SessionStatus {
    }

    /** Something the session cannot get past by itself. */
    record Failed(Problem problem) implements SessionStatus {
    }
}
