package dev.holdfast.platform.auth;

import dev.holdfast.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ProtocolException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoginRateLimiterTest {
    private static final String IP = "203.0.113.7";
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;

    private final MutableClock clock = MutableClock.at("2024-03-01T09:00:00Z");
    private final LoginRateLimiter limiter = new LoginRateLimiter(clock);

    @Test
    void fourFailuresDoNotLock() {
        failTimes("ann", IP, 4);

        assertOpen("ann", IP);
    }

    @Test
    void theFifthFailureLocksTheAccountForThirtySeconds() {
        failTimes("ann", IP, 5);

        assertLocked("ann", IP, 30 * SECOND, "too many failed sign-ins for this account; try again in 30 s");
        clock.advanceMillis(29_999);
        assertLocked("ann", IP, 1, "too many failed sign-ins for this account; try again in 1 s");
        clock.advanceMillis(1);
        assertOpen("ann", IP);
    }

    @Test
    void eachFurtherLockDoublesUpToFifteenMinutes() {
        failTimes("ann", IP, 5);
        long[] expected = {60, 120, 240, 480, 900, 900};
        long previousLock = 30 * SECOND;
        for (long seconds : expected) {
            clock.advanceMillis(previousLock);
            assertOpen("ann", IP);

            limiter.failed("ann", IP);

            assertLocked("ann", IP, seconds * SECOND, null);
            previousLock = seconds * SECOND;
        }
    }

    @Test
    void onlyFailuresWithinFifteenMinutesCount() {
        limiter.failed("ann", IP);
        clock.advanceMillis(15 * MINUTE - 1);
        failTimes("ann", IP, 4);
        assertLocked("ann", IP, 30 * SECOND, null);

        LoginRateLimiter other = new LoginRateLimiter(clock);
        other.failed("bo", IP);
        clock.advanceMillis(15 * MINUTE);
        for (int i = 0; i < 4; i++) {
            other.failed("bo", IP);
        }
        assertThatCode(() -> other.check("bo", IP)).doesNotThrowAnyException();
    }

    @Test
    void aLockedAccountIsRememberedForFifteenMinutesAfterTheLockEnds() {
        failTimes("ann", IP, 5);
        clock.advanceMillis(30 * SECOND + 15 * MINUTE - 1);

        limiter.failed("ann", IP);

        assertLocked("ann", IP, 60 * SECOND, null);
    }

    @Test
    void countersExpireAndTheDoublingStartsOver() {
        failTimes("ann", IP, 6);
        assertLocked("ann", IP, 60 * SECOND, null);

        clock.advanceMillis(60 * SECOND + 15 * MINUTE);
        failTimes("ann", IP, 4);
        assertOpen("ann", IP);
        limiter.failed("ann", IP);

        assertLocked("ann", IP, 30 * SECOND, null);
    }

    @Test
    void failuresDuringALockAreGuessesTooAndLengthenIt() {
        // Attempts already past check() when the lock began still fail afterwards.
        failTimes("ann", IP, 7);

        assertLocked("ann", IP, 120 * SECOND, null);
    }

    @Test
    void successClearsTheAccountsFailuresAndLockLevel() {
        failTimes("ann", IP, 5);
        clock.advanceMillis(30 * SECOND);

        limiter.succeeded("ann", IP);
        failTimes("ann", IP, 4);
        assertOpen("ann", IP);
        limiter.failed("ann", IP);

        assertLocked("ann", IP, 30 * SECOND, null);
    }

    @Test
    void accountsAreIndependentAndMatchedRegardlessOfCase() {
        failTimes("Ann", IP, 3);
        failTimes(" ann ", "198.51.100.1", 2);

        assertLocked("ANN", "192.0.2.1", 30 * SECOND, null);
        assertOpen("bo", IP);
    }

    @Test
    void unknownUsersAreLimitedLikeRealOnes() {
        failTimes("nobody-here", IP, 5);

        assertLocked("nobody-here", IP, 30 * SECOND, null);
    }

    @Test
    void twentyFailuresFromOneAddressLockTheAddressForSixtySeconds() {
        for (int i = 0; i < 19; i++) {
            limiter.failed("user" + i, IP);
        }
        assertOpen("someone", IP);

        limiter.failed("user19", IP);

        assertLocked("someone", IP, 60 * SECOND, "too many failed sign-ins from this address; try again in 60 s");
        assertOpen("someone", "198.51.100.1");
        clock.advanceMillis(60 * SECOND);
        assertOpen("someone", IP);
    }

    @Test
    void addressLocksDoubleUpToFifteenMinutes() {
        for (int i = 0; i < 20; i++) {
            limiter.failed("user" + i, IP);
        }
        long[] expected = {120, 240, 480, 900, 900};
        long previousLock = 60 * SECOND;
        for (long seconds : expected) {
            clock.advanceMillis(previousLock);
            limiter.failed("fresh" + seconds + "-" + previousLock, IP);
            assertLocked("anyone", IP, seconds * SECOND, null);
            previousLock = seconds * SECOND;
        }
    }

    @Test
    void successDoesNotClearTheAddress() {
        for (int i = 0; i < 19; i++) {
            limiter.failed("user" + i, IP);
        }
        limiter.succeeded("user0", IP);

        limiter.failed("user0", IP);

        assertLocked("someone", IP, 60 * SECOND, null);
    }

    @Test
    void whenBothAreLockedTheLongerWaitIsReported() {
        failTimes("ann", IP, 5);
        for (int i = 0; i < 15; i++) {
            limiter.failed("user" + i, IP);
        }

        assertLocked("ann", IP, 60 * SECOND, "too many failed sign-ins from this address; try again in 60 s");
        clock.advanceMillis(20 * SECOND);
        assertLocked("ann", IP, 40 * SECOND, null);
        assertLocked("ann", "198.51.100.1", 10 * SECOND,
                "too many failed sign-ins for this account; try again in 10 s");
    }

    @Test
    void missingAddressesShareOneBucket() {
        for (int i = 0; i < 20; i++) {
            limiter.failed("user" + i, i % 2 == 0 ? null : " ");
        }

        assertLocked("someone", null, 60 * SECOND, null);
    }

    @Test
    void memoryIsBoundedByTheKeyCap() {
        LoginRateLimiter small = new LoginRateLimiter(clock, 100);

        for (int i = 0; i < 1_000; i++) {
            small.failed("user" + i, "10.0.0." + i);
        }

        assertThat(small.trackedAccounts()).isEqualTo(100);
        assertThat(small.trackedAddresses()).isEqualTo(100);
    }

    @Test
    void expiredKeysAreSweptOut() {
        for (int i = 0; i < 50; i++) {
            limiter.failed("user" + i, "10.0.0." + i);
        }
        assertThat(limiter.trackedAccounts()).isEqualTo(50);

        clock.advanceMillis(15 * MINUTE);
        limiter.failed("late", "10.0.1.1");

        assertThat(limiter.trackedAccounts()).isEqualTo(1);
        assertThat(limiter.trackedAddresses()).isEqualTo(1);
    }

    @Test
    void aLockOutlivesTheCountWindowUntilItEnds() {
        // A 15-minute lock whose failures are all older than the window must still hold to its end.
        LockoutPolicy policy = new LockoutPolicy(2, Duration.ofMinutes(1), Duration.ofMinutes(10),
                Duration.ofMinutes(10));
        FailureTracker tracker = new FailureTracker(policy, 10);
        tracker.failed("k", 0);
        tracker.failed("k", 1);

        tracker.failed("other", 5 * MINUTE);

        assertThat(tracker.lockedFor("k", 5 * MINUTE)).isEqualTo(5 * MINUTE + 1);
        assertThat(tracker.size()).isEqualTo(2);
    }

    @Test
    void lockLengthsNeverOverflow() {
        assertThat(LockoutPolicy.PER_ACCOUNT.lockMillis(1)).isEqualTo(30 * SECOND);
        assertThat(LockoutPolicy.PER_ACCOUNT.lockMillis(5)).isEqualTo(480 * SECOND);
        assertThat(LockoutPolicy.PER_ACCOUNT.lockMillis(6)).isEqualTo(900 * SECOND);
        assertThat(LockoutPolicy.PER_ACCOUNT.lockMillis(64)).isEqualTo(900 * SECOND);
        assertThat(LockoutPolicy.PER_ACCOUNT.lockMillis(Integer.MAX_VALUE)).isEqualTo(900 * SECOND);
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 500; i++) {
                        limiter.failed("spray" + thread + "-" + i, "10.1." + thread + "." + (i % 250));
                        limiter.check("other" + i, "10.9.9.9");
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(limiter.trackedAccounts()).isEqualTo(threads * 500);
        assertThat(limiter.trackedAddresses()).isEqualTo(threads * 250);
    }

    private void failTimes(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            limiter.failed(username, address);
        }
    }

    private void assertOpen(String username, String address) {
        assertThatCode(() -> limiter.check(username, address)).doesNotThrowAnyException();
    }

    private void assertLocked(String username, String address, long retryAfterMs, String message) {
        assertThatThrownBy(() -> limiter.check(username, address))
                .isInstanceOfSatisfying(ProtocolException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(e.retryAfterMs()).isEqualTo(retryAfterMs);
                    if (message != null) {
                        assertThat(e.getMessage()).isEqualTo(message);
                    }
                });
    }
}
