package dev.holdfast.platform.live;

/** The platform store cannot be opened, read or written; the message names the file and the cause. */
public final class StoreException extends Exception {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The same problem met inside an operation that cannot declare it. */
    public static final class Unchecked extends RuntimeException {
        public Unchecked(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
