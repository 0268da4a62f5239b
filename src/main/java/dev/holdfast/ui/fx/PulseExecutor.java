package dev.holdfast.ui.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Runs tasks on the FX thread at the start of the next pulse (an {@link AnimationTimer}, which runs
 * before the pulse's CSS and layout), so work handed over between two frames is done once, in the
 * frame that draws it. The timer runs only while tasks wait: an idle panel asks for no pulses.
 *
 * <p>Threading: {@code tasks} and {@code armed} are shared by any thread (adds) and the FX thread
 * (runs) and are lock-free; the timer is started and stopped on the FX thread only.
 */
final class PulseExecutor implements Executor {
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            runDue();
        }
    };

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (armed.compareAndSet(false, true)) {
            // AnimationTimer.start must be called on the FX thread (JavaFX 21).
            Platform.runLater(timer::start);
        }
    }

    private void runDue() {
        // Only what was queued before this pulse: a task that queues another gets the next pulse.
        List<Runnable> due = new ArrayList<>();
        for (Runnable r = tasks.poll(); r != null; r = tasks.poll()) {
            due.add(r);
        }
        if (due.isEmpty()) {
            timer.stop();
            armed.set(false);
            // A task added between the poll and the flag: arm again rather than strand it.
            if (!tasks.isEmpty() && armed.compareAndSet(false, true)) {
                timer.start();
            }
            return;
        }
        due.forEach(Runnable::run);
    }
}
