package dev.holdfast.client.journal;

/** Where an outgoing message stands. */
public enum DeliveryState {
    /** Journaled, waiting for a connection. */
    QUEUED,
    /** Handed to the socket; no acknowledgement yet. */
    SENDING,
    /** Acknowledged by the platform, with a server id and seq. */
    SENT,
    /** The last attempt failed in a way that will pass; retried at {@code nextAttemptAt}. */
    FAILED_WILL_RETRY,
    /** The platform refused it for good (e.g. FORBIDDEN: the conversation was taken away); the user decides. */
    NEEDS_ACTION
}
