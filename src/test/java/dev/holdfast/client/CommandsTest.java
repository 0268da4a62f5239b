package dev.holdfast.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.holdfast.client.journal.JournalLocation;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.protocol.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line, run as a user runs it — {@code dev.holdfast.app.Main} in a child JVM, judged by
 * its exit code and output: {@code journal verify} and {@code journal export} on a real desk's
 * journal, {@code agent --json} through a wipe and a SIGTERM, and bad options.
 */
class CommandsTest {
    private static final Duration CHILD_WAIT = Duration.ofSeconds(25);

    @TempDir
    Path dir;

    @Test
    void journalVerifyAndExport() throws Exception {
        Path dataDir = dir.resolve("desk");
        String server;
        String conversationId;
        String unsentId;
        GatedTransport transport = new GatedTransport();
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Ines", "pt");
             AgentSession desk = new AgentSession(p.platform.baseUri(), dataDir, Clock.systemUTC(), transport)) {
            server = p.platform.baseUri().toString();
            conversationId = customer.conversationId();
            desk.signIn("agent1", "demo".toCharArray()).get(10, TimeUnit.SECONDS);
            SessionTest.awaitLive(desk);
            customer.send("Olá, preciso de ajuda");
            Desks.awaitAssigned(desk, conversationId);
            desk.send(conversationId, "Claro, diga").get(5, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> desk.unsent().isEmpty());
            transport.refuseSends(true);
            unsentId = desk.send(conversationId, "still in the outbox").get(5, TimeUnit.SECONDS).clientMessageId();
            desk.journal().orElseThrow().saveDraft(conversationId, "a draft");
            desk.signOut(false).get(10, TimeUnit.SECONDS);
        }
        Path file = JournalLocation.fileFor(dataDir, java.net.URI.create(server), "agent1");
        String[] where = {"--server", server, "--user", "agent1", "--data-dir", dataDir.toString()};

        Run sound = run("verify-sound", concat(new String[] {"journal", "verify"}, where));
        assertThat(sound.exit).as(sound.toString()).isZero();
        assertThat(sound.out).contains("is sound");

        Run export = run("export", concat(new String[] {"journal", "export"}, where));
        assertThat(export.exit).as(export.toString()).isZero();
        JsonNode json = Wire.mapper().readTree(export.out);
        assertThat(json.path("deviceId").asText()).isNotBlank();
        JsonNode conversation = find(json.path("conversations"), "id", conversationId);
        assertThat(conversation.path("summary").path("assignee").asText()).isEqualTo("agent1");
        List<String> texts = new ArrayList<>();
        conversation.path("events").forEach(e -> texts.add(e.path("text").asText(null)));
        assertThat(texts).contains("Olá, preciso de ajuda", "Claro, diga");
        JsonNode outbox = json.path("outbox");
        assertThat(outbox.size()).isEqualTo(2);
        assertThat(outbox.get(0).path("text").asText()).isEqualTo("Claro, diga");
        assertThat(outbox.get(0).path("state").asText()).isEqualTo("SENT");
        assertThat(outbox.get(1).path("clientMessageId").asText()).isEqualTo(unsentId);
        assertThat(outbox.get(1).path("state").asText()).isEqualTo("QUEUED");
        assertThat(json.path("drafts").path(conversationId).asText()).isEqualTo("a draft");
        assertThat(export.out).doesNotContainIgnoringCase("refresh");

        RecoveryEdgesTest.damageEventsTable(file);
        byte[] damaged = Files.readAllBytes(file);
        Run broken = run("verify-damaged", concat(new String[] {"journal", "verify"}, where));
        assertThat(broken.exit).as(broken.toString()).isNotZero();
        assertThat(broken.out + broken.err).containsIgnoringCase("damaged").containsIgnoringCase("malformed");
        // Checking is not repairing: the file is left as it was found, for the desk (or support) to deal with.
        assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.contains("corrupt"));
        }
    }

    @Test
    void agentJsonReportsEachEventThroughAWipeAndStopsOnSigterm() throws Exception {
        try (TestPlatform p = TestPlatform.start(dir, "memory", 5);
             TestCustomer customer = new TestCustomer(p.platform.baseUri(), "Lars", "sv")) {
            Path passwordFile = Files.writeString(dir.resolve("password.txt"), "demo\n");
            String oldEpoch = p.platform.store().epoch();
            try (ChildJvm agent = ChildJvm.start(dir.resolve("agent.err"), Map.of(), "agent", "--server",
                    p.platform.baseUri().toString(), "--user", "agent1", "--password-file", passwordFile.toString(),
                    "--data-dir", dir.resolve("agent-data").toString(), "--json", "--auto-reply")) {
                agent.awaitJson("live", CHILD_WAIT, ChildJvm.connection("live"));
                customer.send("Hej!");
                JsonNode received = agent.awaitJson("message_received", CHILD_WAIT, ChildJvm.type("message_received"));
                assertThat(received.path("conversationId").asText()).isEqualTo(customer.conversationId());
                assertThat(received.path("text").asText()).isEqualTo("Hej!");
                JsonNode acknowledged = agent.awaitJson("message_acknowledged", CHILD_WAIT,
                        ChildJvm.type("message_acknowledged"));
                assertThat(acknowledged.path("conversationId").asText()).isEqualTo(customer.conversationId());
                assertThat(acknowledged.path("seq").asLong()).isPositive();

                String newEpoch = p.wipe();
                JsonNode started = agent.awaitJson("recovery_started", CHILD_WAIT, ChildJvm.type("recovery_started"));
                assertThat(started.path("oldEpoch").asText()).isEqualTo(oldEpoch);
                assertThat(started.path("newEpoch").asText()).isEqualTo(newEpoch);
                assertThat(started.path("total").asInt()).isEqualTo(1);
                JsonNode progress = agent.awaitJson("recovery_progress", CHILD_WAIT, ChildJvm.type("recovery_progress"));
                assertThat(progress.path("done").asInt()).isEqualTo(1);
                JsonNode finished = agent.awaitJson("recovery_finished", CHILD_WAIT, ChildJvm.type("recovery_finished"));
                assertThat(finished.path("oldEpoch").asText()).isEqualTo(oldEpoch);
                assertThat(finished.path("newEpoch").asText()).isEqualTo(newEpoch);
                assertThat(finished.path("restored").asInt()).isEqualTo(1);
                await().atMost(CHILD_WAIT).until(() -> lastConnectionState(agent).equals("live"));

                agent.terminate();
                int exit = agent.awaitExit(CHILD_WAIT);
                assertThat(exit).as("exit code; stderr: %s", agent.stderr()).isIn(0, 143);
                List<JsonNode> lines = agent.json();
                // Every line of stdout is one JSON object with a type and a time, and the last says it stopped.
                assertThat(lines).hasSameSizeAs(agent.lines);
                assertThat(lines).allSatisfy(n -> {
                    assertThat(n.path("type").asText()).isNotBlank();
                    assertThat(n.path("at").asLong()).isPositive();
                });
                assertThat(lines.get(lines.size() - 1).path("type").asText()).as("%s\n%s", agent.lines, agent.stderr()).isEqualTo("stopped");
                List<String> states = lines.stream().filter(ChildJvm.type("connection"))
                        .map(n -> n.path("state").asText()).toList();
                // The connection was stopped, and said so, before the agent said it stopped.
                assertThat(states).containsSubsequence("connecting", "live", "recovering", "live", "signed_out");
                List<String> types = lines.stream().map(n -> n.path("type").asText()).toList();
                assertThat(types).containsSubsequence("message_received", "message_acknowledged", "recovery_started",
                        "recovery_progress", "recovery_finished", "stopped");
            }
        }
    }

    @Test
    void badOptionsExitWithTwoAndSayWhy() throws Exception {
        Path passwordFile = Files.writeString(dir.resolve("password.txt"), "demo\n");
        Run notAUrl = run("not-a-url", "agent", "--server", "not-a-url", "--user", "agent1", "--password-file",
                passwordFile.toString(), "--data-dir", dir.resolve("data").toString());
        assertThat(notAUrl.exit).as(notAUrl.toString()).isEqualTo(2);
        assertThat(notAUrl.err).contains("--server must be an http(s) URL");

        Run noPassword = run("no-password", "agent", "--server", "http://127.0.0.1:1", "--user", "agent1",
                "--password-file", dir.resolve("missing.txt").toString(), "--data-dir", dir.resolve("data").toString());
        assertThat(noPassword.exit).as(noPassword.toString()).isEqualTo(2);
        assertThat(noPassword.err).contains("cannot read the password file").contains("missing.txt");
    }

    // ---- plumbing ---------------------------------------------------------------------------------

    private record Run(int exit, String out, String err) {
    }

    private Run run(String name, String... args) throws Exception {
        try (ChildJvm child = ChildJvm.start(dir.resolve(name + ".err"), Map.of(), args)) {
            int exit = child.awaitExit(CHILD_WAIT);
            return new Run(exit, String.join("\n", child.lines), child.stderr());
        }
    }

    private static String lastConnectionState(ChildJvm agent) {
        List<JsonNode> states = agent.json().stream().filter(ChildJvm.type("connection")).toList();
        return states.isEmpty() ? "" : states.get(states.size() - 1).path("state").asText();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.path(field).asText())) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
