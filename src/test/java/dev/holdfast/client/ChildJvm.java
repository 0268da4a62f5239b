package dev.holdfast.client;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.holdfast.protocol.Wire;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code dev.holdfast.app.Main} in a child JVM with the test classpath: its stdout is collected line
 * by line, its stderr goes to a file. Always {@link #close()} it (in a finally or try-with-resources):
 * that kills it if it still runs.
 */
final class ChildJvm implements AutoCloseable {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final Path stderr;
    private final Thread reader;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process was killed; what was read stays.
            }
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code Main} with these system properties and arguments; stderr goes to {@code stderrFile}. */
    static ChildJvm start(Path stderrFile, Map<String, String> properties, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-XX:TieredStopAtLevel=1");
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.holdfast.app.Main");
        command.addAll(List.of(args));
        try {
            Files.createDirectories(stderrFile.getParent());
            Process p = new ProcessBuilder(command).redirectError(stderrFile.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            return new ChildJvm(p, stderrFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON lines printed so far (lines that are not JSON objects are left out). */
    List<JsonNode> json() {
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines) {
            try {
                JsonNode n = Wire.mapper().readTree(line);
                if (n != null && n.isObject()) {
                    out.add(n);
                }
            } catch (IOException | RuntimeException e) {
                // not JSON
            }
        }
        return out;
    }

    /** Waits (bounded) for a JSON line that matches, and returns it. */
    JsonNode awaitJson(String what, Duration atMost, Predicate<JsonNode> match) {
        await(what).atMost(atMost).until(() -> json().stream().anyMatch(match) || !process.isAlive());
        return json().stream().filter(match).findFirst().orElseThrow(() -> new AssertionError(
                "the child " + (process.isAlive() ? "" : "exited (" + process.exitValue() + ") and ")
                        + "never printed " + what + "; stdout: " + lines + "; stderr: " + stderr()));
    }

    static Predicate<JsonNode> type(String type) {
        return n -> type.equals(n.path("type").asText());
    }

    static Predicate<JsonNode> connection(String state) {
        return n -> "connection".equals(n.path("type").asText()) && state.equals(n.path("state").asText());
    }

    String stderr() {
        try {
            return Files.exists(stderr) ? Files.readString(stderr) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Waits (bounded) for the process to end and its output to be read; returns the exit code. */
    int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the child did not exit within " + atMost + "; stdout: " + lines
                    + "; stderr: " + stderr());
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /**
     * SIGTERM. Through the process handle, not {@link Process#destroy()}: on Unix that also closes
     * this side's ends of the child's pipes at once, so whatever the child prints while shutting
     * down (its shutdown hook's last line) would be lost.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL, and wait until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        reader.join(5_000);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
