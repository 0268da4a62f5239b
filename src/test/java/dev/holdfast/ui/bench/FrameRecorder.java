package dev.holdfast.ui.bench;

import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Runs one step per pulse (a scroll, or nothing) for a number of frames and records, per frame,
 * the interval between pulses (what the eye sees: 16.7 ms at 60 Hz, more when a frame was late)
 * and the FX thread's own work in that pulse: from the animation step (animations run first in a
 * pulse) to the end of CSS and layout. Rendering runs on JavaFX's render thread and shows only in
 * the intervals. Create and start on the FX thread.
 */
final class FrameRecorder {
    final Samples intervals = new Samples();
    final Samples work = new Samples();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile boolean stopRequested;

    private FrameRecorder() {
    }

    static FrameRecorder start(Scene scene, int frames, IntConsumer step) {
        FrameRecorder r = new FrameRecorder();
        long[] stepStart = {0};
        Runnable afterLayout = () -> {
            if (stepStart[0] != 0) {
                r.work.add(System.nanoTime() - stepStart[0]);
                stepStart[0] = 0;
            }
        };
        scene.addPostLayoutPulseListener(afterLayout);
        new AnimationTimer() {
            private long last;
            private int frame;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    r.intervals.add(now - last);
                }
                last = now;
                if (frame == frames || r.stopRequested) {
                    stop();
                    scene.removePostLayoutPulseListener(afterLayout);
                    r.done.complete(null);
                    return;
                }
                stepStart[0] = System.nanoTime();
                step.accept(frame++);
            }
        }.start();
        return r;
    }

    /** Ends the recording at the next pulse (any thread). */
    CompletableFuture<Void> stop() {
        stopRequested = true;
        return done;
    }

    CompletableFuture<Void> done() {
        return done;
    }
}
