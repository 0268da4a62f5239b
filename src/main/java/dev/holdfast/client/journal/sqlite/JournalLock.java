package dev.holdfast.client.journal.sqlite;

import dev.holdfast.client.journal.JournalException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a journal to one writer: an operating-system lock on {@code journal.db.lock} beside it,
 * held while the journal is open. SQLite alone would let two panels (or a panel and a
 * {@code journal} command) open the same journal and interleave their outboxes and cursors; with
 * the lock the second is told plainly that the journal is in use. The operating system drops the
 * lock when the process ends, however it ends, so a crash never leaves the journal locked.
 *
 * <p>Threading: acquired and released by the thread that opens and closes the journal.
 */
final class JournalLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private JournalLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the journal at {@code journal}.
     *
     * @throws JournalException IN_USE if another process, or another open journal in this one, holds
     *     it; STORAGE_UNAVAILABLE if the lock file cannot be created
     */
    static JournalLock acquire(Path journal) {
        Path file = journal.resolveSibling(journal.getFileName() + ".lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new JournalException(JournalException.Kind.STORAGE_UNAVAILABLE, "Cannot create " + file + ": " + e
                    + ". Check that the folder exists, is yours and is writable.", e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new JournalLock(channel, lock);
            }
        } catch (OverlappingFileLockException held) {
            // This process has it open already: the same answer as for another process.
        } catch (IOException e) {
            closeQuietly(channel);
            throw new JournalException(JournalException.Kind.STORAGE_UNAVAILABLE, "Cannot lock " + file + ": " + e,
                    e);
        }
        closeQuietly(channel);
        throw new JournalException(JournalException.Kind.IN_USE, "The journal " + journal + " is open in another"
                + " Holdfast window or command. Close that one first; nothing was changed.", null);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel releases it as well.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
    }
}
