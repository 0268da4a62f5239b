package dev.holdfast.client.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalLocationTest {
    private static final URI SERVER = URI.create("wss://chat.example.com:8443/v1/ws");

    @TempDir
    Path dataDir;

    @Test
    void isUnderJournalsServerAndUser() {
        Path file = JournalLocation.fileFor(dataDir, SERVER, "agent1");
        assertThat(file).isEqualTo(dataDir.resolve("journals").resolve("chat.example.com_8443").resolve("agent1")
                .resolve("journal.db"));
        assertThat(file.getParent()).isDirectory();
        assertThat(file).doesNotExist();
    }

    @Test
    void usesTheSchemesDefaultPortAndLowerCaseHost() {
        assertThat(JournalLocation.fileFor(dataDir, URI.create("https://Chat.Example.COM"), "a").getParent().getParent())
                .hasFileName("chat.example.com_443");
        assertThat(JournalLocation.fileFor(dataDir, URI.create("ws://localhost/v1/ws"), "a").getParent().getParent())
                .hasFileName("localhost_80");
        assertThat(JournalLocation.fileFor(dataDir, URI.create("http://[::1]:7070"), "a").getParent().getParent())
                .hasFileName("%5B%3A%3A1%5D_7070");
    }

    @Test
    void directoriesAreOwnerOnly() throws Exception {
        Path file = JournalLocation.fileFor(dataDir.resolve("fresh"), SERVER, "agent1");
        for (Path dir = file.getParent(); !dir.equals(dataDir); dir = dir.getParent()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .as(dir.toString()).isEqualTo("rwx------");
        }
    }

    @Test
    void tightensItsOwnDirectoriesThatExistWider() throws Exception {
        Path journals = Files.createDirectories(dataDir.resolve("journals"));
        Files.setPosixFilePermissions(journals, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));

        JournalLocation.fileFor(dataDir, SERVER, "agent1");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journals))).isEqualTo("rwx------");
        // The data directory is the user's choice and is left alone.
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void pathTricksInUserNamesStayInsideTheServerDirectory() {
        Path serverDir = dataDir.resolve("journals").resolve("chat.example.com_8443");
        for (String user : List.of("..", ".", "../../etc", "a/b", "a\\b", "nul\0byte", "/abs", "C:", ".hidden",
                "trailing.", " space", "con", "NUL.txt")) {
            Path file = JournalLocation.fileFor(dataDir, SERVER, user);
            assertThat(file.getParent().getParent()).as(user).isEqualTo(serverDir);
            assertThat(file.normalize()).as(user).isEqualTo(file);
            String segment = file.getParent().getFileName().toString();
            assertThat(segment).as(user).doesNotContain("/", "\\", "\0", ":", " ").doesNotStartWith(".")
                    .doesNotEndWith(".");
        }
        assertThat(JournalLocation.segment("..")).isEqualTo("%2E%2E");
        assertThat(JournalLocation.segment("a/b")).isEqualTo("a%2Fb");
        assertThat(JournalLocation.segment("nul\0")).isEqualTo("nul%00");
        assertThat(JournalLocation.segment("con")).isEqualTo("%63on");
    }

    @Test
    void differentNamesGetDifferentDirectoriesAlsoWhereCaseIsIgnored() {
        List<String> names = List.of("ann", "Ann", "ANN", "a.b", "a%2Eb", "a%2eb", "a_b", "a-b", "ä", "a\u0308",
                "con", "%63on", "x".repeat(300), "x".repeat(299) + "y");
        Set<String> segments = new HashSet<>();
        for (String name : names) {
            String segment = JournalLocation.segment(name);
            assertThat(segment.length()).isLessThanOrEqualTo(JournalLocation.MAX_SEGMENT_CHARS);
            assertThat(segments.add(segment.toLowerCase())).as(name + " -> " + segment).isTrue();
        }
        assertThat(JournalLocation.segment("agent-1_b.c")).isEqualTo("agent-1_b.c");
    }

    @Test
    void refusesAServerWithoutHostAndAnEmptyUser() {
        assertThatThrownBy(() -> JournalLocation.fileFor(dataDir, URI.create("localhost:8080"), "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no host");
        assertThatThrownBy(() -> JournalLocation.fileFor(dataDir, SERVER, ""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
