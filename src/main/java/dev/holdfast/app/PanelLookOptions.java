package dev.holdfast.app;

import picocli.CommandLine.Option;

/** The panel's look, shared by {@code demo} and {@code panel}. */
final class PanelLookOptions {
    @Option(names = "--language", paramLabel = "en|es", description = "The panel's language (default: the last chosen, else the system's).")
    String language;

    @Option(names = "--dark", description = "Start with the dark theme.")
    boolean dark;
}
