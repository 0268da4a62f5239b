package dev.holdfast.client.journal.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.holdfast.client.journal.JournalException;
import dev.holdfast.client.journal.JournalLocation;
import dev.holdfast.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per journal: a second opener, in this process or another, is refused and changes nothing. */
class JournalLockTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();

    @Test
    void aSecondOpenInThisProcessIsRefusedUntilTheFirstCloses() {
        Path file = dir.resolve("journal.db");
        try (SqliteJournal first = SqliteJournal.open(file, clock)) {
            first.saveDraft("c-1", "kept");
            assertThatThrownBy(() -> SqliteJournal.open(file, clock))
                    .isInstanceOfSatisfying(JournalException.class,
                            e -> assertThat(e.kind()).isEqualTo(JournalException.Kind.IN_USE))
                    .hasMessageContaining("is open in another Holdfast window or command");
            // The refused opener left the open journal working.
            assertThat(first.draft("c-1")).contains("kept");
        }
        try (SqliteJournal again = SqliteJournal.open(file, clock)) {
            assertThat(again.draft("c-1")).contains("kept");
        }
    }

    @Test
    void anotherProcessIsToldTheJournalIsInUse() throws Exception {
        Path file = dir.resolve("journal.db");
        try (SqliteJournal open = SqliteJournal.open(file, clock)) {
            open.saveDraft("c-1", "kept");
            Process other = javaMain(OpenJournal.class.getName(), file.toString());
            String err = new String(other.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(other.exitValue()).isEqualTo(1);
            assertThat(err).contains("is open in another Holdfast window or command");
        }
        // Closed here, the other process gets it.
        Process other = javaMain(OpenJournal.class.getName(), file.toString());
        String out = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(other.exitValue()).isEqualTo(0);
        assertThat(out).contains("draft: kept");
    }

    @Test
    void exportingReadsBesideAnOpenJournal() throws Exception {
        URI server = URI.create("http://127.0.0.1:8480");
        Path file = JournalLocation.fileFor(dir, server, "agent1");
        try (SqliteJournal open = SqliteJournal.open(file, clock)) {
            open.saveDraft("c-1", "kept");
            Process export = javaMain("dev.holdfast.app.Main", "journal", "export", "--server", server.toString(),
                    "--user", "agent1", "--data-dir", dir.toString());
            String out = new String(export.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(export.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(export.exitValue()).isEqualTo(0);
            assertThat(out).contains("kept");
            // And the panel's journal carries on.
            open.saveDraft("c-1", "still writable");
            assertThat(open.draft("c-1")).contains("still writable");
        }
    }

    /** Another process that opens the journal for writing, as a second panel would. */
    public static final class OpenJournal {
        public static void main(String[] args) {
            try (SqliteJournal journal = SqliteJournal.open(Path.of(args[0]), java.time.Clock.systemUTC())) {
                System.out.println("draft: " + journal.draft("c-1").orElse(""));
            } catch (JournalException e) {
                System.err.println(e.getMessage());
                System.exit(1);
            }
        }
    }

    private static Process javaMain(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }
}
