package dev.holdfast.app;

/**
 * Starts Holdfast from {@code mvn javafx:run} or an IDE: no arguments opens the demo; otherwise
 * the arguments are a normal command line. A plain class (not an {@code Application}) so the
 * JavaFX runtime on the class path is enough.
 */
public final class PanelLauncher {
    private PanelLauncher() {
    }

    public static void main(String[] args) {
        Main.main(args.length == 0 ? new String[] {"demo"} : args);
    }
}
