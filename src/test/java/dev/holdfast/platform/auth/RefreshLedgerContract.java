package dev.holdfast.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every RefreshLedger must do; each implementation's test extends this. */
abstract class RefreshLedgerContract {

    protected abstract RefreshLedger ledger();

    @Test
    void unknownFamiliesHaveNoGenerationAndAreNotRevoked() {
        assertThat(ledger().generation("f")).isEmpty();
        assertThat(ledger().isRevoked("f")).isFalse();
        assertThat(ledger().advance("f", 1, 2, 100)).isFalse();
    }

    @Test
    void startsAFamilyOnce() {
        assertThat(ledger().start("f", 1, 100)).isTrue();
        assertThat(ledger().start("f", 7, 100)).isFalse();

        assertThat(ledger().generation("f")).isEqualTo(OptionalLong.of(1));
        assertThat(ledger().isRevoked("f")).isFalse();
    }

    @Test
    void advancesOnlyFromTheCurrentGeneration() {
        ledger().start("f", 1, 100);

        assertThat(ledger().advance("f", 1, 2, 200)).isTrue();
        assertThat(ledger().advance("f", 1, 2, 200)).isFalse();
        assertThat(ledger().advance("f", 3, 4, 200)).isFalse();
        assertThat(ledger().generation("f")).isEqualTo(OptionalLong.of(2));
        assertThat(ledger().advance("f", 2, 3, 300)).isTrue();
        assertThat(ledger().generation("f")).isEqualTo(OptionalLong.of(3));
    }

    @Test
    void familiesAreIndependent() {
        ledger().start("a", 1, 100);
        ledger().start("b", 5, 100);
        ledger().advance("a", 1, 2, 100);
        ledger().revoke("b", 100);

        assertThat(ledger().generation("a")).isEqualTo(OptionalLong.of(2));
        assertThat(ledger().isRevoked("a")).isFalse();
        assertThat(ledger().generation("b")).isEqualTo(OptionalLong.of(5));
        assertThat(ledger().isRevoked("b")).isTrue();
    }

    @Test
    void aRevokedFamilyNeverAdvancesAgain() {
        ledger().start("f", 1, 100);
        ledger().revoke("f", 100);

        assertThat(ledger().isRevoked("f")).isTrue();
        assertThat(ledger().advance("f", 1, 2, 200)).isFalse();
        assertThat(ledger().start("f", 1, 100)).isFalse();
        ledger().revoke("f", 50);
        assertThat(ledger().isRevoked("f")).isTrue();
    }

    @Test
    void revokingAnUnknownFamilyRecordsIt() {
        ledger().revoke("f", 100);

        assertThat(ledger().isRevoked("f")).isTrue();
        assertThat(ledger().start("f", 1, 100)).isFalse();
        assertThat(ledger().advance("f", 0, 1, 100)).isFalse();
    }

    @Test
    void forgetsOnlyFamiliesWhoseTokensHaveAllExpired() {
        ledger().start("old", 1, 100);
        ledger().start("renewed", 1, 100);
        ledger().advance("renewed", 1, 2, 500);
        ledger().revoke("revoked", 100);
        ledger().start("fresh", 1, 1_000);

        assertThat(ledger().forgetExpired(100)).isZero();
        assertThat(ledger().forgetExpired(101)).isEqualTo(2);

        assertThat(ledger().generation("old")).isEmpty();
        assertThat(ledger().isRevoked("revoked")).isFalse();
        assertThat(ledger().generation("renewed")).isEqualTo(OptionalLong.of(2));
        assertThat(ledger().generation("fresh")).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void advancingNeverShortensTheExpiry() {
        ledger().start("f", 1, 1_000);
        ledger().advance("f", 1, 2, 10);

        assertThat(ledger().forgetExpired(500)).isZero();
        assertThat(ledger().generation("f")).isEqualTo(OptionalLong.of(2));
    }

    @Test
    void ofConcurrentAdvancesFromOneGenerationExactlyOneWins() throws Exception {
        ledger().start("f", 1, 100);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                long next = 10 + i;
                Callable<Boolean> attempt = () -> {
                    go.await();
                    return ledger().advance("f", 1, next, 100);
                };
                results.add(pool.submit(attempt));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(ledger().generation("f").getAsLong()).isBetween(10L, 17L);
        } finally {
            pool.shutdownNow();
        }
    }
}
