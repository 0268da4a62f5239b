package dev.holdfast.ui.login;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The server and user name the sign-in screen starts with, in {@code panel.properties} under the
 * data directory. Never a password: there is no field for it. File IO, so call it off the FX
 * thread (the launcher reads it before the window opens).
 */
public final class RememberedUser {
    public record Entry(String server, String user) {
    }

    private final Path file;

    public RememberedUser(Path dataDir) {
        this.file = dataDir.resolve("panel.properties");
    }

    public Optional<Entry> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new Entry(p.getProperty("server", ""), p.getProperty("user", "")));
    }

    /** Remembers the server always, and the user only when asked to ({@code user} null forgets it). */
    public void save(String server, String user) {
        Properties p = new Properties();
        p.setProperty("server", server);
        if (user != null) {
            p.setProperty("user", user);
        }
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "Holdfast sign-in screen (no password is ever stored here)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
