package dev.holdfast.protocol;

/** Size and timing limits of protocol version {@link #PROTOCOL_VERSION}; see docs/protocol.md. */
public final class Limits {
    private Limits() {
    }

    public static final int PROTOCOL_VERSION = 1;
    /** Largest WebSocket frame the protocol accepts; larger ones get PAYLOAD_TOO_LARGE. */
    public static final int MAX_FRAME_BYTES = 64 * 1024;
    /**
     * Largest hello: it carries a cursor per conversation the desk holds, so it may exceed
     * {@link #MAX_FRAME_BYTES}; up to the transport limit.
     */
    public static final int MAX_HELLO_BYTES = 1024 * 1024;
    /** Largest frame the transport reads at all; beyond it the socket is closed with 1009. */
    public static final int MAX_TRANSPORT_FRAME_BYTES = 1024 * 1024;
    /** Largest HTTP request body, except restore. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Largest restore upload. */
    public static final int MAX_RESTORE_BYTES = 16 * 1024 * 1024;
    /** Longest message text, in UTF-16 characters. */
    public static final int MAX_TEXT_CHARS = 8_000;
    /** Longest identifier (conversation, client message, device). */
    public static final int MAX_ID_CHARS = 128;
    /** The client should ping this often. */
    public static final int HEARTBEAT_SECONDS = 15;
    /** The transport closes a socket with no traffic either way for this long (close code 1001). */
    public static final int IDLE_TIMEOUT_SECONDS = 45;
    /** Most events one page of history returns. */
    public static final int MAX_PAGE_EVENTS = 500;
}
