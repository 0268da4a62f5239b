package dev.holdfast.platform.auth;

import java.time.Duration;

/**
 * When failures lock a key: {@code threshold} failures within {@code window} lock it for
 * {@code firstLock}; after that every further failure locks it again, each lock twice as long as
 * the one before, up to {@code maxLock}. A key with no failure and no lock for {@code window}
 * starts over.
 */
record LockoutPolicy(int threshold, Duration window, Duration firstLock, Duration maxLock) {
    static final LockoutPolicy PER_ACCOUNT =
            new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15));
    static final LockoutPolicy PER_ADDRESS =
            new LockoutPolicy(20, Duration.ofMinutes(15), Duration.ofSeconds(60), Duration.ofMinutes(15));

    /** The length of the n-th lock (n from 1). */
    long lockMillis(int n) {
        long first = firstLock.toMillis();
        long max = maxLock.toMillis();
        int doublings = n - 1;
        // Past 62 doublings the shift overflows; long before that the cap applies.
        if (doublings >= 62 || first > (max >> doublings)) {
            return max;
        }
        return Math.min(first << doublings, max);
    }
}
