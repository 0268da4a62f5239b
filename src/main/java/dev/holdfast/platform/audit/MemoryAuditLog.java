package dev.holdfast.platform.audit;

import dev.holdfast.protocol.supervision.AuditAction;
import dev.holdfast.protocol.supervision.AuditEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The audit log of a platform on the memory store: it survives a wipe (it is not part of the
 * live store) but not a restart, like everything else that platform holds.
 */
public final class MemoryAuditLog implements AuditLog {
    /** Guarded by this; ids are the position plus one. */
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized AuditEntry record(long at, String actor, AuditAction action, String conversationId,
                                          String target, String reason, String batchId) {
        AuditEntry entry = new AuditEntry(entries.size() + 1L, at, actor, action, conversationId, target, reason,
                batchId);
        entries.add(entry);
        return entry;
    }

    @Override
    public synchronized List<AuditEntry> page(Long before, int limit) {
        int end = before == null ? entries.size() : (int) Math.max(0, Math.min(entries.size(), before - 1));
        List<AuditEntry> out = new ArrayList<>();
        for (int i = end - 1; i >= 0 && out.size() < limit; i--) {
            out.add(entries.get(i));
        }
        return out;
    }

    @Override
    public void forEach(Consumer<AuditEntry> sink) {
        List<AuditEntry> copy;
        synchronized (this) {
            copy = List.copyOf(entries);
        }
        copy.forEach(sink);
    }
}
