package dev.holdfast.client.journal;

/**
 * The journal cannot do what was asked. {@link Kind} says what the user can do about it.
 */
public final class JournalException extends RuntimeException {
    public enum Kind {
        /** The disk is full or the directory is read-only: nothing already journaled is lost. */
        STORAGE_UNAVAILABLE,
        /** The file is damaged; it was (or must be) moved aside and rebuilt. */
        CORRUPT,
        /** Written by a newer Holdfast; refused and left untouched. */
        TOO_NEW,
        /** Open in another Holdfast window or command; refused and left untouched. */
        IN_USE,
        /** Anything else. */
        FAILED
    }

    private final Kind kind;

    public JournalException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
