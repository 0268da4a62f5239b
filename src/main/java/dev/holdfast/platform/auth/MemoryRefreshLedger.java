package dev.holdfast.platform.auth;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/** A ledger that lasts as long as the process: after a restart every family is unknown again. */
public final class MemoryRefreshLedger implements RefreshLedger {
    private record Family(long generation, boolean revoked, long expiresAt) {
    }

    private final Map<String, Family> families = new ConcurrentHashMap<>();

    @Override
    public boolean start(String family, long generation, long expiresAt) {
        return families.putIfAbsent(family, new Family(generation, false, expiresAt)) == null;
    }

    @Override
    public OptionalLong generation(String family) {
        Family f = families.get(family);
        return f == null ? OptionalLong.empty() : OptionalLong.of(f.generation());
    }

    @Override
    public boolean advance(String family, long expected, long next, long expiresAt) {
        Family current = families.get(family);
        if (current == null || current.revoked() || current.generation() != expected) {
            return false;
        }
        Family moved = new Family(next, false, Math.max(current.expiresAt(), expiresAt));
        return families.replace(family, current, moved);
    }

    @Override
    public void revoke(String family, long expiresAt) {
        families.merge(family, new Family(0, true, expiresAt),
                (old, ignored) -> new Family(old.generation(), true, Math.max(old.expiresAt(), expiresAt)));
    }

    @Override
    public boolean isRevoked(String family) {
        Family f = families.get(family);
        return f != null && f.revoked();
    }

    @Override
    public int forgetExpired(long now) {
        int forgotten = 0;
        for (Map.Entry<String, Family> entry : families.entrySet()) {
            // Conditional remove: a family advanced meanwhile has a later expiry and stays.
            if (entry.getValue().expiresAt() < now && families.remove(entry.getKey(), entry.getValue())) {
                forgotten++;
            }
        }
        return forgotten;
    }
}
