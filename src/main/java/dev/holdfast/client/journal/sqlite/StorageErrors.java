package dev.holdfast.client.journal.sqlite;

import dev.holdfast.client.journal.JournalException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteException;

/** Turns SQLite's result codes into a {@link JournalException} whose message a user can act on. */
final class StorageErrors {
    // Primary result codes (https://sqlite.org/rescode.html); extended codes carry them in the low byte.
    static final int SQLITE_PERM = 3;
    static final int SQLITE_BUSY = 5;
    static final int SQLITE_LOCKED = 6;
    static final int SQLITE_READONLY = 8;
    static final int SQLITE_IOERR = 10;
    static final int SQLITE_CORRUPT = 11;
    static final int SQLITE_FULL = 13;
    static final int SQLITE_CANTOPEN = 14;
    static final int SQLITE_NOTADB = 26;

    private StorageErrors() {
    }

    static int primaryCode(SQLException e) {
        int code = e instanceof SQLiteException s ? s.getResultCode().code : e.getErrorCode();
        return code & 0xFF;
    }

    static boolean isDamage(SQLException e) {
        int code = primaryCode(e);
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
    }

    /** {@code action} says what could not be done, e.g. "save the message". */
    static JournalException translate(Path file, String action, SQLException e) {
        String cannot = "Cannot " + action + " in the journal " + file + ": ";
        String safe = " Everything saved before is safe.";
        return switch (primaryCode(e)) {
            case SQLITE_FULL -> new JournalException(JournalException.Kind.STORAGE_UNAVAILABLE,
                    cannot + "the disk is full." + safe + " Free some space and try again.", e);
            case SQLITE_READONLY, SQLITE_PERM -> new JournalException(JournalException.Kind.STORAGE_UNAVAILABLE,
                    cannot + "the file or its folder is read-only." + safe
                            + " Make it writable for your user and try again.", e);
            case SQLITE_IOERR -> new JournalException(JournalException.Kind.STORAGE_UNAVAILABLE,
                    cannot + "the disk reported an input/output error (" + e.getMessage() + ")." + safe, e);
            case SQLITE_CANTOPEN -> new JournalException(JournalException.Kind.STORAGE_UNAVAILABLE,
                    cannot + "the file cannot be opened (its folder is missing, read-only or not yours).", e);
            case SQLITE_CORRUPT, SQLITE_NOTADB -> new JournalException(JournalException.Kind.CORRUPT,
                    cannot + "the file is damaged. Holdfast moves it aside and rebuilds it the next time it opens"
                            + " the journal, carrying over what can still be read.", e);
            case SQLITE_BUSY, SQLITE_LOCKED -> new JournalException(JournalException.Kind.FAILED,
                    cannot + "another program is holding it (is Holdfast running twice?).", e);
            default -> new JournalException(JournalException.Kind.FAILED, cannot + e.getMessage(), e);
        };
    }
}
