package dev.holdfast.platform.sim;

import java.time.Duration;
import java.util.Random;

/**
 * How fast simulated customers act. Every answer is drawn from the given {@link Random}, so a
 * seeded random gives the same timings every run.
 *
 * <ul>
 *   <li>Between lines a customer thinks 5–40 s (log-normal, median about 14 s);</li>
 *   <li>sometimes ({@value #QUICK_LINE_CHANCE}) the next line comes quickly, 1.5–4 s later;</li>
 *   <li>right after an agent's reply they answer sooner, 2–12 s (median about 6 s);</li>
 *   <li>they type for 1–4 s before each line, longer for longer lines;</li>
 *   <li>after their goodbye most wait a while for the agent to close, some leave at once;</li>
 *   <li>a customer who left is replaced 2–15 s later.</li>
 * </ul>
 *
 * <p>These are the bounds at speed 1; {@link #atSpeed(double)} runs the same draws faster (for
 * load tests, or tests on real time).
 */
public final class Pacing {
    public static final Duration MIN_THINK = Duration.ofSeconds(5);
    public static final Duration MAX_THINK = Duration.ofSeconds(40);
    public static final Duration MIN_QUICK_LINE = Duration.ofMillis(1_500);
    public static final Duration MAX_QUICK_LINE = Duration.ofSeconds(4);
    public static final Duration MIN_AFTER_REPLY = Duration.ofSeconds(2);
    public static final Duration MAX_AFTER_REPLY = Duration.ofSeconds(12);
    public static final Duration MIN_TYPING = Duration.ofSeconds(1);
    public static final Duration MAX_TYPING = Duration.ofSeconds(4);
    public static final Duration MIN_FIRST_LINE = Duration.ofSeconds(1);
    public static final Duration MAX_FIRST_LINE = Duration.ofSeconds(6);
    public static final Duration MIN_LINGER = Duration.ofSeconds(30);
    public static final Duration MAX_LINGER = Duration.ofSeconds(180);
    public static final Duration MIN_REPLACEMENT = Duration.ofSeconds(2);
    public static final Duration MAX_REPLACEMENT = Duration.ofSeconds(15);
    public static final Duration MIN_STAGGER = Duration.ofMillis(100);
    public static final Duration MAX_STAGGER = Duration.ofMillis(1_000);
    public static final double QUICK_LINE_CHANCE = 0.15;
    public static final double LEAVE_AT_ONCE_CHANCE = 0.35;

    private static final double THINK_MEDIAN_MS = 14_000;
    private static final double THINK_SIGMA = 0.55;
    private static final double REPLY_MEDIAN_MS = 6_000;
    private static final double REPLY_SIGMA = 0.45;
    private static final long TYPING_MS_PER_CHAR = 35;

    private final double speed;

    /** Real-life pace. */
    public Pacing() {
        this(1.0);
    }

    private Pacing(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be positive, got " + speed);
        }
        this.speed = speed;
    }

    /** The same draws with every delay divided by {@code speed} (2 = twice as fast). */
    public static Pacing atSpeed(double speed) {
        return new Pacing(speed);
    }

    public double speed() {
        return speed;
    }

    /** From the conversation being open to the customer starting to type their first line. */
    public Duration firstLine(Random random) {
        return scaled(uniform(MIN_FIRST_LINE, MAX_FIRST_LINE, random));
    }

    /** From one line sent to starting to type the next, when the agent has not just replied. */
    public Duration nextLine(Random random) {
        if (random.nextDouble() < QUICK_LINE_CHANCE) {
            return scaled(uniform(MIN_QUICK_LINE, MAX_QUICK_LINE, random));
        }
        return scaled(logNormal(THINK_MEDIAN_MS, THINK_SIGMA, MIN_THINK, MAX_THINK, random));
    }

    /** From an agent's reply arriving to starting to type an answer. */
    public Duration afterAgentReply(Random random) {
        return scaled(logNormal(REPLY_MEDIAN_MS, REPLY_SIGMA, MIN_AFTER_REPLY, MAX_AFTER_REPLY, random));
    }

    /** How long the typing indicator is on before {@code text} is sent. */
    public Duration typing(String text, Random random) {
        long ms = MIN_TYPING.toMillis() + text.length() * TYPING_MS_PER_CHAR - 500 + random.nextInt(1_001);
        return scaled(clamp(ms, MIN_TYPING, MAX_TYPING));
    }

    /** After the goodbye: zero (leave once it is delivered) or how long to wait for the agent to close. */
    public Duration lingerAfterGoodbye(Random random) {
        if (random.nextDouble() < LEAVE_AT_ONCE_CHANCE) {
            return Duration.ZERO;
        }
        return scaled(uniform(MIN_LINGER, MAX_LINGER, random));
    }

    /** From a customer leaving to the next customer arriving in their place. */
    public Duration replacement(Random random) {
        return scaled(uniform(MIN_REPLACEMENT, MAX_REPLACEMENT, random));
    }

    /** Between two customers' arrivals when the simulator starts. */
    public Duration stagger(Random random) {
        return scaled(uniform(MIN_STAGGER, MAX_STAGGER, random));
    }

    private Duration scaled(Duration atSpeedOne) {
        return speed == 1.0 ? atSpeedOne : Duration.ofMillis(Math.round(atSpeedOne.toMillis() / speed));
    }

    private static Duration uniform(Duration min, Duration max, Random random) {
        return Duration.ofMillis(random.nextLong(min.toMillis(), max.toMillis() + 1));
    }

    private static Duration logNormal(double medianMs, double sigma, Duration min, Duration max, Random random) {
        double ms = medianMs * Math.exp(sigma * random.nextGaussian());
        return clamp(Math.round(ms), min, max);
    }

    private static Duration clamp(long ms, Duration min, Duration max) {
        return Duration.ofMillis(Math.max(min.toMillis(), Math.min(max.toMillis(), ms)));
    }
}
