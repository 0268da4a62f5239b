package dev.holdfast.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** Light or dark: AtlantaFX's Primer themes, plus the panel's own few styles on top. */
public final class Theme {
    private static final String PANEL_CSS = Theme.class.getResource("/dev/holdfast/ui/holdfast.css").toExternalForm();

    private Theme() {
    }

    /** Call on the FX thread. */
    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(PANEL_CSS)) {
            scene.getStylesheets().add(PANEL_CSS);
        }
    }
}
