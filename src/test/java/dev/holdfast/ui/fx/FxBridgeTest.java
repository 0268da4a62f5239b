package dev.holdfast.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.client.status.SessionUpdate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Batching without a display: the "FX thread" is a queue the test drains by hand. */
class FxBridgeTest {
    private final Queue<Runnable> fxQueue = new ArrayDeque<>();
    private final FxBridge bridge = new FxBridge(fxQueue::add, Runnable::run);
    private final List<List<SessionUpdate>> batches = new ArrayList<>();

    private void runFx() {
        for (Runnable r = fxQueue.poll(); r != null; r = fxQueue.poll()) {
            r.run();
        }
    }

    @Test
    void aBurstOfUpdatesCostsOneRunLaterAndArrivesInOrder() {
        bridge.listen(batches::add);
        for (int i = 1; i <= 100; i++) {
            bridge.offer(new SessionUpdate.RecoveryProgress(i, 100));
        }
        assertThat(fxQueue).hasSize(1);
        runFx();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(100);
        assertThat(batches.get(0).get(99)).isEqualTo(new SessionUpdate.RecoveryProgress(100, 100));
    }

    @Test
    void updatesAfterADrainScheduleTheNextOne() {
        bridge.listen(batches::add);
        bridge.offer(new SessionUpdate.RecoveryProgress(1, 2));
        runFx();
        bridge.offer(new SessionUpdate.RecoveryProgress(2, 2));
        assertThat(fxQueue).hasSize(1);
        runFx();
        assertThat(batches).hasSize(2);
    }

    @Test
    void onlyTheLastStatusOfABatchIsDelivered() {
        bridge.listen(batches::add);
        bridge.offer(new SessionUpdate.StatusChanged(new SessionStatus.Connecting()));
        bridge.offer(new SessionUpdate.RecoveryStarted("a", "b", 3));
        bridge.offer(new SessionUpdate.StatusChanged(new SessionStatus.Recovering(0, 3)));
        bridge.offer(new SessionUpdate.StatusChanged(new SessionStatus.Live("b")));
        runFx();
        assertThat(batches.get(0)).containsExactly(new SessionUpdate.RecoveryStarted("a", "b", 3),
                new SessionUpdate.StatusChanged(new SessionStatus.Live("b")));
    }

    @Test
    void nothingIsLostWhenTheCoreThreadRacesTheDrain() throws Exception {
        LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
        FxBridge racing = new FxBridge(fx::add, Runnable::run);
        List<SessionUpdate> seen = new ArrayList<>();
        racing.listen(seen::addAll);
        int total = 50_000;
        CountDownLatch done = new CountDownLatch(1);
        Thread core = new Thread(() -> {
            for (int i = 0; i < total; i++) {
                racing.offer(new SessionUpdate.RecoveryProgress(i, total));
            }
            done.countDown();
        });
        core.start();
        while (!done.await(0, TimeUnit.MILLISECONDS) || !fx.isEmpty()) {
            Runnable r = fx.poll(10, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
        assertThat(seen).hasSize(total);
        assertThat(((SessionUpdate.RecoveryProgress) seen.get(total - 1)).done()).isEqualTo(total - 1);
    }
}
