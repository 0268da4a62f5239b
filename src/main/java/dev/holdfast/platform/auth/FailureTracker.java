package dev.holdfast.platform.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts failures per key under one {@link LockoutPolicy}. Memory is bounded twice over: keys
 * whose failures have expired are swept out, and beyond {@code maxKeys} the least recently
 * touched key is dropped. Thread-safe; all times are epoch milliseconds.
 */
final class FailureTracker {
    private static final long SWEEP_INTERVAL_MILLIS = 60_000;

    private final LockoutPolicy policy;
    private final Map<String, Strikes> strikes;
    private long lastSweep = Long.MIN_VALUE;

    FailureTracker(LockoutPolicy policy, int maxKeys) {
        this.policy = policy;
        this.strikes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Strikes> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** How long the key stays locked from {@code now}; 0 if it is not locked. */
    synchronized long lockedFor(String key, long now) {
        Strikes s = strikes.get(key);
        return s == null || s.lockedUntil <= now ? 0 : s.lockedUntil - now;
    }

    synchronized void failed(String key, long now) {
        sweepIfDue(now);
        Strikes s = strikes.get(key);
        if (s == null || s.isForgotten(now)) {
            s = new Strikes();
            strikes.put(key, s);
        }
        s.fail(now);
    }

    synchronized void clear(String key) {
        strikes.remove(key);
    }

    synchronized int size() {
        return strikes.size();
    }

    private void sweepIfDue(long now) {
        if (lastSweep != Long.MIN_VALUE && now - lastSweep < SWEEP_INTERVAL_MILLIS) {
            return;
        }
        lastSweep = now;
        Iterator<Strikes> it = strikes.values().iterator();
        while (it.hasNext()) {
            if (it.next().isForgotten(now)) {
                it.remove();
            }
        }
    }

    /**
     * One key's failures. Until the first lock, the recent ones are counted against the threshold
     * (at most threshold of them are kept: more would not change anything). Once locked, every
     * further failure locks again, longer: a guesser at the cap gets one try per longest lock.
     */
    private final class Strikes {
        private final Deque<Long> recent = new ArrayDeque<>();
        private int locks;
        private long lockedUntil = Long.MIN_VALUE;
        private long lastFailure;

        void fail(long now) {
            lastFailure = now;
            if (locks > 0) {
                lock(now);
                return;
            }
            long window = policy.window().toMillis();
            while (!recent.isEmpty() && recent.peekFirst() <= now - window) {
                recent.pollFirst();
            }
            recent.addLast(now);
            if (recent.size() >= policy.threshold()) {
                recent.clear();
                lock(now);
            }
        }

        private void lock(long now) {
            locks++;
            lockedUntil = now + policy.lockMillis(locks);
        }

        /** A window's time after the last failure or the end of the last lock, whichever is later: start over. */
        boolean isForgotten(long now) {
            return now >= Math.max(lastFailure, lockedUntil) + policy.window().toMillis();
        }
    }
}
