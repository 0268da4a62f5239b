package dev.holdfast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import dev.holdfast.platform.auth.PasswordHasher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: help everywhere, clear errors on bad options, and the data directory rules. */
class CommandLineTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(run("--help").out()).contains("platform", "hash-password");
        assertThat(run("platform", "--help").out()).contains("--store", "--simulate", "--admin-token", "--config");
        assertThat(run("hash-password", "--help").exit()).isZero();
    }

    @Test
    void versionIsPrinted() {
        Run r = run("--version");
        assertThat(r.exit()).isZero();
        // From the jar's manifest; "dev" when the classes run outside a jar, as here.
        assertThat(r.out().trim()).matches("holdfast \\S+");
        // Each command's -V/--version, which its help lists, prints the same.
        for (String command : new String[] {"platform", "agent", "journal", "panel", "demo", "hash-password"}) {
            Run sub = run(command, "--version");
            assertThat(sub.exit()).as(command).isZero();
            assertThat(sub.out().trim()).as(command).isEqualTo(r.out().trim());
        }
    }

    @Test
    void badOptionsAreNamed() {
        Run unknown = run("platform", "--colour", "blue");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option", "'--colour'");
        Run store = run("platform", "--store", "redis");
        assertThat(store.exit()).isEqualTo(2);
        assertThat(store.err()).contains("--store must be memory or sqlite:PATH");
        Run port = run("platform", "--port", "eighty");
        assertThat(port.exit()).isEqualTo(2);
        assertThat(port.err()).contains("--port");
        Run token = run("platform", "--admin-token", "short");
        assertThat(token.err()).contains("at least 8 characters");
    }

    @Test
    void thePlatformRefusesAPublicAddressWithoutAConfig() {
        Run r = run("platform", "--host", "0.0.0.0", "--port", "0", "--data-dir", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
    }

    @Test
    void hashPasswordReadsStandardInputAndPrintsAHashThatVerifies() {
        InputStream stdin = System.in;
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream("s3cret pass\n".getBytes(StandardCharsets.UTF_8)));
            System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
            assertThat(Main.commandLine().execute("hash-password")).isZero();
        } finally {
            System.setIn(stdin);
            System.setOut(stdout);
        }
        String hash = captured.toString(StandardCharsets.UTF_8).trim();
        assertThat(hash).startsWith("pbkdf2-sha256$");
        assertThat(PasswordHasher.verify("s3cret pass".toCharArray(), hash)).isTrue();
    }

    @Test
    void theDataDirectoryFollowsTheOperatingSystem() {
        Path home = Path.of("/home/ana");
        assertThat(DataDirectory.defaultFor(Map.of("HOLDFAST_HOME", "/srv/hf"), "Linux", home))
                .isEqualTo(Path.of("/srv/hf"));
        assertThat(DataDirectory.defaultFor(Map.of("XDG_DATA_HOME", "/x"), "Linux", home))
                .isEqualTo(Path.of("/x/holdfast"));
        assertThat(DataDirectory.defaultFor(Map.of(), "Linux", home)).isEqualTo(home.resolve(".local/share/holdfast"));
        assertThat(DataDirectory.defaultFor(Map.of(), "Mac OS X", home))
                .isEqualTo(home.resolve("Library/Application Support/Holdfast"));
        assertThat(DataDirectory.defaultFor(Map.of("APPDATA", "C:/Users/ana/AppData/Roaming"), "Windows 11", home))
                .isEqualTo(Path.of("C:/Users/ana/AppData/Roaming", "Holdfast"));
    }
}
