package dev.holdfast.client.api;

/** Which conversations {@code GET /v1/conversations} lists (protocol.md §7.2). */
public enum Scope {
    /** Assigned to the caller and not closed. */
    MINE("mine"),
    /** Waiting for an agent. */
    QUEUE("queue"),
    /** Every conversation; supervisors and admins only. */
    ALL("all");

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
