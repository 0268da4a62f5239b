package dev.holdfast.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Holdfast keeps its files when not told: $HOLDFAST_HOME, else the platform's usual
 * per-user data directory.
 */
final class DataDirectory {
    private DataDirectory() {
    }

    static Path resolve(Path override) {
        return override != null ? override : defaultFor(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home")));
    }

    static Path defaultFor(Map<String, String> env, String osName, Path home) {
        String explicit = env.get("HOLDFAST_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Holdfast") : home.resolve("AppData/Roaming/Holdfast");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/Holdfast");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "holdfast") : home.resolve(".local/share/holdfast");
    }
}
