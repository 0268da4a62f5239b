package dev.holdfast.ui.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link BurstLoad} in a child JVM (same class path) and speaks its line protocol. With
 * {@code nice} above 0 the child runs at that lower priority, standing in for a platform and
 * customers on other machines: they take only the cores the panel leaves.
 */
final class BurstLoadProcess implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    final URI baseUri;
    final List<String> conversationIds;

    BurstLoadProcess(String agent, int customers, int nice) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        if (nice > 0) {
            command.addAll(List.of("nice", "-n", Integer.toString(nice)));
        }
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), BurstLoad.class.getName(), agent,
                Integer.toString(customers)));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String[] ready = expect("READY");
        baseUri = URI.create(ready[1]);
        conversationIds = List.of(ready[2].split(","));
    }

    /** Sends {@code total} messages at {@code rate} a second; returns {sent, failed} once all are written. */
    int[] burst(int rate, int total) throws IOException {
        in.println("burst " + rate + " " + total);
        String[] sent = expect("SENT");
        return new int[] {Integer.parseInt(sent[1]), Integer.parseInt(sent[2])};
    }

    int acked() throws IOException {
        in.println("acks");
        return Integer.parseInt(expect("ACKED")[1]);
    }

    private String[] expect(String word) throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            String[] words = line.split(" ");
            if (words[0].equals(word)) {
                return words;
            }
            if (words[0].equals("ERROR")) {
                throw new IOException("the burst load process: " + line);
            }
        }
        throw new IOException("the burst load process ended (exit " + exitCode() + ") before " + word);
    }

    private String exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    @Override
    public void close() {
        in.println("quit");
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
