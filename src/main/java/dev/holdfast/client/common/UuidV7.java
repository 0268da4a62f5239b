package dev.holdfast.client.common;

import java.security.SecureRandom;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * RFC 9562 version 7 UUIDs: a 48-bit Unix timestamp in milliseconds, the version (7), the
 * variant (binary 10) and 74 random bits. Within one JVM the ids are strictly increasing, also
 * when several are made in the same millisecond or the wall clock steps back (RFC 9562 §6.2,
 * method 2: the random bits of the last id are counted up, and the last timestamp is kept while
 * the clock is behind it). Their lower-case text sorts in the same order as they were made.
 */
public final class UuidV7 {
    private static final long RAND_B_MASK = (1L << 62) - 1;
    private static final int RAND_A_MASK = 0xFFF;
    private static final long TIMESTAMP_MASK = (1L << 48) - 1;
    private static final UuidV7 SHARED = new UuidV7(System::currentTimeMillis, new SecureRandom());

    private final LongSupplier millis;
    private final Random random;
    // All three guarded by this: the timestamp of the last id and its 74 random bits (rand_a:12, rand_b:62).
    private long lastMillis = Long.MIN_VALUE;
    private int randA;
    private long randB;

    UuidV7(LongSupplier millis, Random random) {
        this.millis = millis;
        this.random = random;
    }

    /** A new UUIDv7 in its canonical lower-case text form. */
    public static String next() {
        return SHARED.nextUuid().toString();
    }

    /** The Unix time in milliseconds that a version 7 UUID carries. */
    public static long timestampMillis(UUID uuid) {
        if (uuid.version() != 7) {
            throw new IllegalArgumentException("not a version 7 UUID: " + uuid);
        }
        return uuid.getMostSignificantBits() >>> 16;
    }

    synchronized UUID nextUuid() {
        long now = millis.getAsLong() & TIMESTAMP_MASK;
        if (now > lastMillis) {
            lastMillis = now;
            // The top bit of rand_a starts clear, leaving 2^73 steps of room to count up within one millisecond.
            randA = random.nextInt(1 << 11);
            randB = random.nextLong() & RAND_B_MASK;
        } else {
            randB = (randB + 1) & RAND_B_MASK;
            if (randB == 0) {
                randA = (randA + 1) & RAND_A_MASK;
                if (randA == 0) {
                    lastMillis++; // the counter is exhausted: borrow the next millisecond (RFC 9562 §6.2)
                }
            }
        }
        long msb = (lastMillis << 16) | 0x7000L | randA;
        long lsb = 0x8000_0000_0000_0000L | randB;
        return new UUID(msb, lsb);
    }
}
