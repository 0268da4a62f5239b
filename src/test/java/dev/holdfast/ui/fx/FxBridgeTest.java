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

    // ---- the slice budget: a fake clock that the listener moves on, as if its work took time ----

    private final long[] now = {0};
    private final Queue<Runnable> pulses = new ArrayDeque<>();
    private final FxBridge paced = new FxBridge(fxQueue::add, pulses::add, Runnable::run, () -> now[0]);

    /** One pulse: runs the drains that were due when it began. */
    private void pulse() {
        for (int n = pulses.size(); n > 0; n--) {
            pulses.poll().run();
        }
    }

    private static List<SessionUpdate> progress(int from, int to) {
        List<SessionUpdate> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(new SessionUpdate.RecoveryProgress(i, to));
        }
        return out;
    }

    @Test
    void drainsRunOnPulsesNotOnTheFxQueue() {
        paced.listen(batches::add);
        paced.offer(new SessionUpdate.RecoveryProgress(1, 1));
        assertThat(fxQueue).isEmpty();
        assertThat(pulses).hasSize(1);
        pulse();
        assertThat(batches).hasSize(1);
    }

    @Test
    void aPulseStopsDeliveringOnceTheBudgetIsSpentAndTheNextPulseGoesOn() {
        long perUpdate = FxBridge.SLICE_BUDGET_NS / 10;
        List<SessionUpdate> seen = new ArrayList<>();
        paced.listen(batch -> {
            seen.addAll(batch);
            now[0] += perUpdate * batch.size();
        });
        progress(1, 1000).forEach(paced::offer);

        pulse();
        int firstPulse = seen.size();
        // The first slice is taken blind; once its cost is known the pulse stops at the budget.
        assertThat(firstPulse).isEqualTo(FxBridge.FIRST_SLICE);
        assertThat(pulses).as("the rest is left for the next pulse").hasSize(1);

        long before = now[0];
        pulse();
        assertThat(now[0] - before).isLessThanOrEqualTo(FxBridge.SLICE_BUDGET_NS);
        assertThat(seen.size() - firstPulse).isEqualTo(10);

        while (!pulses.isEmpty()) {
            pulse();
        }
        assertThat(seen).containsExactlyElementsOf(progress(1, 1000));
    }

    @Test
    void updatesOfferedWhileSomeAreCarriedComeAfterThem() {
        List<SessionUpdate> seen = new ArrayList<>();
        paced.listen(batch -> {
            seen.addAll(batch);
            now[0] += FxBridge.SLICE_BUDGET_NS;
        });
        progress(1, 300).forEach(paced::offer);
        pulse();
        paced.offer(new SessionUpdate.RecoveryProgress(301, 301));
        assertThat(pulses).as("still one drain pending").hasSize(1);
        while (!pulses.isEmpty()) {
            pulse();
        }
        assertThat(seen).hasSize(301);
        assertThat(seen.get(300)).isEqualTo(new SessionUpdate.RecoveryProgress(301, 301));
    }

    @Test
    void aStatusCarriedOverIsDroppedWhenANewerOneArrives() {
        List<SessionUpdate> seen = new ArrayList<>();
        paced.listen(batch -> {
            seen.addAll(batch);
            now[0] += FxBridge.SLICE_BUDGET_NS;
        });
        progress(1, FxBridge.FIRST_SLICE).forEach(paced::offer);
        paced.offer(new SessionUpdate.StatusChanged(new SessionStatus.Connecting()));
        pulse();
        paced.offer(new SessionUpdate.StatusChanged(new SessionStatus.Live("b")));
        pulse();
        assertThat(seen).filteredOn(u -> u instanceof SessionUpdate.StatusChanged)
                .containsExactly(new SessionUpdate.StatusChanged(new SessionStatus.Live("b")));
    }

    @Test
    void aSingleSlowUpdateStillMovesOn() {
        List<SessionUpdate> seen = new ArrayList<>();
        paced.listen(batch -> {
            seen.addAll(batch);
            now[0] += 10 * FxBridge.SLICE_BUDGET_NS * batch.size();
        });
        progress(1, FxBridge.FIRST_SLICE + 3).forEach(paced::offer);
        for (int i = 0; i < 4; i++) {
            pulse();
        }
        assertThat(seen).hasSize(FxBridge.FIRST_SLICE + 3);
        assertThat(pulses).isEmpty();
    }
}
