package dev.holdfast.protocol;

/**
 * The closed set of error codes. Each code belongs to one {@link Category} so that a client can
 * tell token problems from session problems from state loss without parsing messages.
 */
public enum ErrorCode {
    BAD_REQUEST(Category.REQUEST, 400),
    PAYLOAD_TOO_LARGE(Category.REQUEST, 413),
    UNSUPPORTED_VERSION(Category.REQUEST, 400),
    UNAUTHENTICATED(Category.TOKEN, 401),
    TOKEN_EXPIRED(Category.TOKEN, 401),
    SESSION_UNKNOWN(Category.SESSION, 409),
    EPOCH_CHANGED(Category.STATE_LOSS, 409),
    CURSOR_TOO_OLD(Category.STATE_LOSS, 410),
    FORBIDDEN(Category.PERMISSION, 403),
    NOT_FOUND(Category.PERMISSION, 404),
    CONFLICT(Category.STALE, 409),
    IDEMPOTENCY_MISMATCH(Category.REQUEST, 409),
    RATE_LIMITED(Category.RETRY, 429),
    INTERNAL(Category.SERVER, 500);

    /** What kind of problem a code names, and therefore what a client does about it. */
    public enum Category {
        /** The request itself is wrong; retrying it unchanged fails again. */
        REQUEST,
        /** The credentials: refresh the access token or sign in again. */
        TOKEN,
        /** The platform forgot this connection's session: open a new one and backfill. */
        SESSION,
        /** The platform lost or cannot replay state: restore or take a snapshot. */
        STATE_LOSS,
        /** The caller may not do this, or the thing does not exist for them. */
        PERMISSION,
        /** The caller acted on an old version: refresh and ask again. */
        STALE,
        /** Try again after the given delay. */
        RETRY,
        /** The platform failed; retry with backoff. */
        SERVER
    }

    private final Category category;
    private final int httpStatus;

    ErrorCode(Category category, int httpStatus) {
        this.category = category;
        this.httpStatus = httpStatus;
    }

    public Category category() {
        return category;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
