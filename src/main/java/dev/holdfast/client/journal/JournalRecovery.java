package dev.holdfast.client.journal;

import java.nio.file.Path;

/**
 * The journal file could not be used as it was (not a database, or damaged): it was moved aside to
 * {@code movedTo} (never deleted), a fresh journal was made in its place, and what could still be
 * read was carried over. The UI tells the user; the counts say what was saved.
 *
 * @param movedTo the damaged file's new name ({@code journal.db.corrupt-<time>}); its -wal and -shm
 *     files, if any, moved with it
 * @param carriedOverOutbox unsent messages carried over, with their client message ids
 * @param carriedOverDrafts drafts carried over
 * @param carriedOverConversations conversations carried over (summary or events)
 * @param carriedOverEvents events carried over
 * @param deviceIdKept whether the device id could be read and kept; if not, a new one was made
 *     and resends of the carried-over messages are no longer deduplicated against earlier sends
 * @param reason what was wrong, in SQLite's words
 */
public record JournalRecovery(Path movedTo, int carriedOverOutbox, int carriedOverDrafts,
                              int carriedOverConversations, int carriedOverEvents, boolean deviceIdKept,
                              String reason) {
}
