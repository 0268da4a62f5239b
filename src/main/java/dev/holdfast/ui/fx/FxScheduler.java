package dev.holdfast.ui.fx;

import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.common.Scheduler;
import java.time.Duration;
import javafx.animation.PauseTransition;

/** Timers on the FX thread, behind the core's {@link Scheduler} so UI timing logic can be tested with a manual one. Create and use on the FX thread. */
public final class FxScheduler implements Scheduler {
    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(Math.max(1, delay.toMillis())));
        pause.setOnFinished(e -> task.run());
        pause.play();
        return pause::stop;
    }
}
