package dev.holdfast.client.journal;

/** Something that happened, kept for the user to see (connection changes, recoveries, closes). */
public record LogEntry(long id, long at, String kind, String detail) {
}
