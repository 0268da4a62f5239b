package dev.holdfast.platform.audit;

import dev.holdfast.protocol.supervision.AuditAction;
import dev.holdfast.protocol.supervision.AuditEntry;
import java.util.List;
import java.util.function.Consumer;

/**
 * Who closed, reopened, reassigned, warned or signed off what, when, why and in which batch. It
 * lives outside the live store, so that a wipe does not erase the record of what was done
 * (decision 0014).
 */
public interface AuditLog extends AutoCloseable {

    /** Appends one entry, numbered after every earlier one, and returns it. */
    AuditEntry record(long at, String actor, AuditAction action, String conversationId, String target,
                      String reason, String batchId);

    /** The newest {@code limit} entries with an id below {@code before} (all when null), newest first. */
    List<AuditEntry> page(Long before, int limit);

    /** Every entry, oldest first, for the CSV export. */
    void forEach(Consumer<AuditEntry> sink);

    @Override
    default void close() {
    }
}
