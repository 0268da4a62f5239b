package dev.holdfast.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
    private final MutableClock clock = new MutableClock();
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final long start = clock.millis();

    @Test
    void runsDueTasksInTimeOrderWithTheClockAtTheirDueTime() {
        List<String> log = new ArrayList<>();
        scheduler.schedule(Duration.ofSeconds(3), () -> log.add("c@" + (clock.millis() - start)));
        scheduler.schedule(Duration.ofSeconds(1), () -> log.add("a@" + (clock.millis() - start)));
        scheduler.schedule(Duration.ofSeconds(1), () -> log.add("b@" + (clock.millis() - start)));
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(log).containsExactly("a@1000", "b@1000");
        assertThat(clock.millis() - start).isEqualTo(2000);
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(log).containsExactly("a@1000", "b@1000", "c@3000");
        assertThat(clock.millis() - start).isEqualTo(7000);
    }

    @Test
    void tasksScheduledByTasksRunIfTheyFallDueWithinTheStep() {
        List<Long> ticks = new ArrayList<>();
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            ticks.add(clock.millis() - start);
            scheduler.schedule(Duration.ofSeconds(1), tick[0]);
        };
        scheduler.execute(tick[0]);
        scheduler.runDue();
        scheduler.advance(Duration.ofMillis(3500));
        assertThat(ticks).containsExactly(0L, 1000L, 2000L, 3000L);
        assertThat(scheduler.pending()).isEqualTo(1);
        assertThat(scheduler.nextDueAt() - start).isEqualTo(4000);
    }

    @Test
    void cancelledTasksNeverRun() {
        List<String> log = new ArrayList<>();
        scheduler.schedule(Duration.ofSeconds(1), () -> log.add("x")).cancel();
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(log).isEmpty();
        assertThat(scheduler.pending()).isZero();
    }
}
