package dev.holdfast.ui.shell;

import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The whole window's text size, in steps from 85% to 150% of the theme's 14 px: set as the scene
 * root's font size, which every control's em-based sizes follow. Follows the root when it is
 * replaced (sign-in, shell, sign-in again), so the choice holds on every screen.
 *
 * <p>Threading: FX thread only; {@code onChange} is where the choice is saved (off the FX thread).
 */
public final class TextSize {
    static final int[] STEPS = {85, 100, 115, 130, 150};
    private static final double THEME_PX = 14; // AtlantaFX Primer's .root font size

    private final ReadOnlyIntegerWrapper percent = new ReadOnlyIntegerWrapper(100);
    private final IntConsumer onChange;

    public TextSize(Scene scene, IntConsumer onChange) {
        this.onChange = onChange;
        percent.addListener((obs, old, now) -> style(scene.getRoot()));
        scene.rootProperty().addListener((obs, old, now) -> style(now));
        style(scene.getRoot());
    }

    /** Takes a remembered size without saving it again; anything but a step is ignored. */
    public void restore(int remembered) {
        for (int step : STEPS) {
            if (step == remembered) {
                percent.set(step);
            }
        }
    }

    public void larger() {
        move(1);
    }

    public void smaller() {
        move(-1);
    }

    public void reset() {
        use(100);
    }

    private void move(int by) {
        int at = 0;
        while (STEPS[at] != percent.get()) {
            at++;
        }
        use(STEPS[Math.max(0, Math.min(STEPS.length - 1, at + by))]);
    }

    private void use(int step) {
        if (step != percent.get()) {
            percent.set(step);
            onChange.accept(step);
        }
    }

    private void style(Parent root) {
        if (root != null) {
            root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", THEME_PX * percent.get() / 100));
        }
    }

    public ReadOnlyIntegerProperty percentProperty() {
        return percent.getReadOnlyProperty();
    }
}
