package dev.holdfast.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void hasVersionSevenTheRfcVariantAndTheCurrentTime() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(UuidV7.next());
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2); // binary 10: RFC 9562
        assertThat(UuidV7.timestampMillis(id)).isBetween(before, after);
    }

    @Test
    void textIsCanonicalLowerCase() {
        assertThat(UuidV7.next()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void putsTheTimestampInTheFirst48Bits() {
        UuidV7 generator = new UuidV7(() -> 0x0123_4567_89ABL, new Random(1));
        UUID id = generator.nextUuid();
        assertThat(id.toString()).startsWith("01234567-89ab-7");
        assertThat(UuidV7.timestampMillis(id)).isEqualTo(0x0123_4567_89ABL);
    }

    @Test
    void hundredThousandIdsAreUniqueAndInTheOrderTheyWereMade() {
        List<String> ids = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            ids.add(UuidV7.next());
        }
        Set<String> unique = new HashSet<>(ids);
        assertThat(unique).hasSize(100_000);
        assertThat(ids).isSortedAccordingTo(String::compareTo);
        for (String id : ids) {
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
        }
    }

    @Test
    void countsUpWithinOneMillisecond() {
        UuidV7 generator = new UuidV7(() -> 1_700_000_000_000L, new Random(7));
        String previous = generator.nextUuid().toString();
        for (int i = 0; i < 10_000; i++) {
            String next = generator.nextUuid().toString();
            assertThat(next).isGreaterThan(previous);
            assertThat(UuidV7.timestampMillis(UUID.fromString(next))).isEqualTo(1_700_000_000_000L);
            previous = next;
        }
    }

    @Test
    void staysInOrderWhenTheClockStepsBack() {
        AtomicLong now = new AtomicLong(1_700_000_000_500L);
        UuidV7 generator = new UuidV7(now::get, new Random(3));
        String first = generator.nextUuid().toString();
        now.set(1_700_000_000_000L); // NTP stepped the wall clock back half a second
        String second = generator.nextUuid().toString();
        now.set(1_700_000_000_501L);
        String third = generator.nextUuid().toString();

        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
        assertThat(UuidV7.timestampMillis(UUID.fromString(second))).isEqualTo(1_700_000_000_500L);
    }

    @Test
    void aLaterMillisecondSortsAfterEveryIdOfAnEarlierOne() {
        AtomicLong now = new AtomicLong(1_000L);
        UuidV7 generator = new UuidV7(now::get, new Random(11));
        String last = null;
        for (int i = 0; i < 1000; i++) {
            last = generator.nextUuid().toString();
        }
        now.incrementAndGet();
        assertThat(generator.nextUuid().toString()).isGreaterThan(last);
    }

    @Test
    void uniqueAcrossThreads() throws Exception {
        Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 25_000; i++) {
                    ids.add(UuidV7.next());
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(ids).hasSize(100_000);
    }
}
