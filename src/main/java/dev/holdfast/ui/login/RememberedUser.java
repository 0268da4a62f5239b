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
 * The server and user name the sign-in screen starts with, and the panel's language, in
 * {@code panel.properties} under the data directory. Never a password: there is no field for it.
 * File IO, so call it off the FX thread (the launcher reads it before the window opens).
 */
public final class RememberedUser {
    /** {@code language} is "" when none was chosen in the panel. */
    public record Entry(String server, String user, String language) {
    }

    private final Path file;

    public RememberedUser(Path dataDir) {
        this.file = dataDir.resolve("panel.properties");
    }

    public Optional<Entry> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = read();
        return Optional.of(new Entry(p.getProperty("server", ""), p.getProperty("user", ""),
                p.getProperty("language", "")));
    }

    /** Remembers the server always, and the user only when asked to ({@code user} null forgets it). */
    public synchronized void save(String server, String user) {
        Properties p = read();
        p.setProperty("server", server);
        if (user != null) {
            p.setProperty("user", user);
        } else {
            p.remove("user");
        }
        write(p);
    }

    /** The language picked in the panel's menu, kept beside the user so the next start uses it. */
    public synchronized void saveLanguage(String language) {
        Properties p = read();
        p.setProperty("language", language);
        write(p);
    }

    /** The text size in percent picked in the panel, if any. */
    public Optional<Integer> textSize() {
        try {
            String value = read().getProperty("textSize");
            return value == null ? Optional.empty() : Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public synchronized void saveTextSize(int percent) {
        Properties p = read();
        p.setProperty("textSize", Integer.toString(percent));
        write(p);
    }

    private Properties read() {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                return new Properties();
            }
        }
        return p;
    }

    private void write(Properties p) {
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
