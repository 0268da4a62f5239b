package dev.holdfast.client.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {

    @Test
    void runsEverythingOnOneDaemonThreadNamedHoldfastCore() {
        try (ExecutorScheduler scheduler = new ExecutorScheduler()) {
            List<String> threads = new CopyOnWriteArrayList<>();
            AtomicBoolean daemon = new AtomicBoolean();
            AtomicBoolean core = new AtomicBoolean();
            scheduler.execute(() -> {
                threads.add(Thread.currentThread().getName());
                daemon.set(Thread.currentThread().isDaemon());
                core.set(scheduler.isCoreThread());
            });
            scheduler.schedule(Duration.ofMillis(20), () -> threads.add(Thread.currentThread().getName()));
            await().atMost(Duration.ofSeconds(5)).until(() -> threads.size() == 2);
            assertThat(threads).containsOnly(ExecutorScheduler.THREAD_NAME);
            assertThat(daemon).isTrue();
            assertThat(core).isTrue();
            assertThat(scheduler.isCoreThread()).isFalse();
        }
    }

    @Test
    void aFailingTaskDoesNotStopTheThread() {
        try (ExecutorScheduler scheduler = new ExecutorScheduler()) {
            AtomicBoolean ran = new AtomicBoolean();
            scheduler.execute(() -> {
                throw new IllegalStateException("expected by the test");
            });
            scheduler.execute(() -> ran.set(true));
            await().atMost(Duration.ofSeconds(5)).untilTrue(ran);
        }
    }

    @Test
    void cancelledTasksDoNotRunAndClosedSchedulersAcceptNothing() throws Exception {
        ExecutorScheduler scheduler = new ExecutorScheduler();
        AtomicBoolean ran = new AtomicBoolean();
        Cancellable c = scheduler.schedule(Duration.ofMillis(50), () -> ran.set(true));
        c.cancel();
        AtomicBoolean marker = new AtomicBoolean();
        scheduler.schedule(Duration.ofMillis(100), () -> marker.set(true));
        await().atMost(Duration.ofSeconds(5)).untilTrue(marker);
        assertThat(ran).isFalse();

        scheduler.close();
        assertThat(scheduler.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(scheduler.schedule(Duration.ZERO, () -> ran.set(true))).isSameAs(Cancellable.NONE);
    }
}
