package dev.holdfast.client.connection;

/**
 * Where a {@link PlatformConnection} is, as plain data for the UI ("live", "reconnecting in
 * 4 s", "paused: sign in again"). Times are epoch milliseconds of the connection's clock.
 * The transitions are described on {@link PlatformConnection} and in docs/client-connection.md.
 */
public sealed interface ConnectionState {

    /** Made, not started. */
    record Idle() implements ConnectionState {
    }

    /**
     * A socket is opening, or open and waiting for {@code welcome}. {@code attempt} counts the
     * failed attempts since the last welcome: 0 for the first try.
     */
    record Connecting(int attempt) implements ConnectionState {
    }

    /** Welcomed: frames flow. {@code since} is when the welcome arrived. */
    record Live(String epoch, String sessionId, boolean resumed, long since) implements ConnectionState {
    }

    /**
     * No socket; the next attempt starts at {@code nextAttemptAt}. {@code attempt} is the number
     * of failed attempts since the last welcome (1 after the first failure); {@code reason} says
     * what ended the last socket, for the log and the status line.
     */
    record Reconnecting(int attempt, long nextAttemptAt, String reason) implements ConnectionState {
    }

    /** No socket and no timer: waiting for {@link PlatformConnection#resume()} (e.g. a new token). */
    record Paused(String reason) implements ConnectionState {
    }

    /** Stopped for good; a new connection is needed to connect again. */
    record Stopped() implements ConnectionState {
    }
}
