package dev.holdfast.platform.live;

import java.security.SecureRandom;
import java.time.Clock;

/** Identifiers that sort by creation time and cannot be guessed. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

    private final Clock clock;

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public String next(String prefix) {
        StringBuilder sb = new StringBuilder(prefix).append('-');
        String time = Long.toString(clock.millis(), 36);
        sb.append("0".repeat(Math.max(0, 9 - time.length()))).append(time);
        for (int i = 0; i < 12; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
