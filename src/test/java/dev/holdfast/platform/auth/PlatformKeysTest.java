package dev.holdfast.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class PlatformKeysTest {
    @TempDir
    Path dir;

    @Test
    void firstStartCreatesPrivateDirectoryAndFileWithTwoIndependentKeys() throws Exception {
        Path file = dir.resolve("data/keys/platform-keys.json");

        PlatformKeys keys = PlatformKeys.loadOrCreate(file);

        assertThat(keys.tokenKey()).hasSize(32);
        assertThat(keys.receiptKey()).hasSize(32);
        assertThat(keys.tokenKey()).isNotEqualTo(keys.receiptKey());
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(file.getParent())).isEqualTo("rwx------");
        assertThat(permissions(file.getParent().getParent())).isEqualTo("rwx------");
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("format").asText()).isEqualTo("holdfast-keys/1");
        assertThat(Base64.getDecoder().decode(json.get("tokenKey").asText())).isEqualTo(keys.tokenKey());
        assertThat(Base64.getDecoder().decode(json.get("receiptKey").asText())).isEqualTo(keys.receiptKey());
    }

    @Test
    void laterStartsLoadTheSameKeys() throws Exception {
        Path file = dir.resolve("keys.json");
        PlatformKeys first = PlatformKeys.loadOrCreate(file);

        PlatformKeys second = PlatformKeys.loadOrCreate(file);

        assertThat(second.tokenKey()).isEqualTo(first.tokenKey());
        assertThat(second.receiptKey()).isEqualTo(first.receiptKey());
    }

    @Test
    void eachNewFileGetsNewKeys() throws Exception {
        PlatformKeys a = PlatformKeys.loadOrCreate(dir.resolve("a.json"));
        PlatformKeys b = PlatformKeys.loadOrCreate(dir.resolve("b.json"));

        assertThat(a.tokenKey()).isNotEqualTo(b.tokenKey());
        assertThat(a.receiptKey()).isNotEqualTo(b.receiptKey());
    }

    @Test
    void creationLeavesNoTemporaryFilesBehind() throws Exception {
        PlatformKeys.loadOrCreate(dir.resolve("keys.json"));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("keys.json");
        }
    }

    @Test
    void anExistingDirectoryKeepsItsPermissions() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));

        PlatformKeys.loadOrCreate(shared.resolve("keys.json"));

        assertThat(permissions(shared)).isEqualTo("rwxr-xr-x");
    }

    @Test
    void aTemporaryFileLeftByACrashDoesNotMatter() throws Exception {
        Files.writeString(dir.resolve(".keys.json-123.tmp"), "{\"format\":\"holdf");

        PlatformKeys keys = PlatformKeys.loadOrCreate(dir.resolve("keys.json"));

        assertThat(keys.tokenKey()).hasSize(32);
    }

    @Test
    void atomicCreationNeverReplacesAFileThatAppearedMeanwhile() throws Exception {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, "theirs");

        boolean created = PrivateFiles.createAtomically(file, "ours".getBytes());

        assertThat(created).isFalse();
        assertThat(Files.readString(file)).isEqualTo("theirs");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void aFileOthersCanReadIsRestrictedAndAWarningLogged() throws Exception {
        Path file = dir.resolve("keys.json");
        PlatformKeys created = PlatformKeys.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ListAppender<ILoggingEvent> logged = capture();
        try {
            PlatformKeys loaded = PlatformKeys.loadOrCreate(file);

            assertThat(loaded.tokenKey()).isEqualTo(created.tokenKey());
            assertThat(permissions(file)).isEqualTo("rw-------");
            assertThat(logged.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains(file.toString()).contains("rw-r--r--")
                        .doesNotContain(Base64.getEncoder().encodeToString(created.tokenKey()));
            });
        } finally {
            release(logged);
        }
    }

    @Test
    void aPrivateFileLoadsWithoutWarning() throws Exception {
        Path file = dir.resolve("keys.json");
        PlatformKeys.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        ListAppender<ILoggingEvent> logged = capture();
        try {
            PlatformKeys.loadOrCreate(file);

            assertThat(logged.list).isEmpty();
            assertThat(permissions(file)).isEqualTo("r--------");
        } finally {
            release(logged);
        }
    }

    @Test
    void corruptFilesAreErrorsAndNeverReplaced() throws Exception {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        String[][] cases = {
            {"", "empty"},
            {"  ", "not a JSON object"},
            {"{\"format\":\"holdf", "not valid JSON"},
            {"[1,2]", "not a JSON object"},
            {"{\"tokenKey\":\"" + key + "\",\"receiptKey\":\"" + key + "\"}", "format is not \"holdfast-keys/1\""},
            {"{\"format\":\"holdfast-keys/1\",\"tokenKey\":\"" + key + "\"}", "missing receiptKey"},
            {"{\"format\":\"holdfast-keys/1\",\"tokenKey\":\"@@@\",\"receiptKey\":\"" + key + "\"}",
                "tokenKey is not base64"},
            {"{\"format\":\"holdfast-keys/1\",\"tokenKey\":\"AAAA\",\"receiptKey\":\"" + key + "\"}",
                "tokenKey has 3 bytes instead of 32"},
        };
        Path file = dir.resolve("keys.json");
        for (String[] c : cases) {
            Files.writeString(file, c[0]);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

            assertThatThrownBy(() -> PlatformKeys.loadOrCreate(file))
                    .as(c[0])
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("key file " + file + " is corrupt (" + c[1] + "); refusing to replace it")
                    .hasMessageContaining("delete it to start over");
            assertThat(Files.readString(file)).isEqualTo(c[0]);
        }
    }

    @Test
    void callersGetCopiesOfTheKeys() throws Exception {
        PlatformKeys keys = PlatformKeys.loadOrCreate(dir.resolve("keys.json"));
        byte[] original = keys.tokenKey();

        keys.tokenKey()[0] ^= 1;

        assertThat(keys.tokenKey()).isEqualTo(original);
        assertThat(keys.toString()).doesNotContain(Base64.getEncoder().encodeToString(original));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(PlatformKeys.class)).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(PlatformKeys.class)).detachAppender(appender);
    }
}
