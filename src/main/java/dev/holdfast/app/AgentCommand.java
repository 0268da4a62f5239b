package dev.holdfast.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.holdfast.client.api.ApiException;
import dev.holdfast.client.connection.JavaWebSocketTransport;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.Wire;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code holdfast agent}: a headless agent for scripts, support and load. Signs in, takes
 * conversations, optionally answers every customer message, and with {@code --json} prints one
 * JSON object per line for each event. Stops cleanly on SIGTERM.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Run a headless agent: sign in, take conversations, optionally auto-reply; print events.")
final class AgentCommand implements Callable<Integer> {

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The platform's base HTTP(S) URL.")
    URI server;

    @Option(names = "--user", required = true, paramLabel = "USER")
    String user;

    @Option(names = "--password-file", required = true, paramLabel = "FILE",
            description = "File whose first line is the password.")
    Path passwordFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the journal lives (default: $HOLDFAST_HOME or the per-user data directory).")
    Path dataDir;

    @Option(names = "--auto-reply", description = "Answer every customer message.")
    boolean autoReply;

    @Option(names = "--json", description = "Print one JSON object per line for each event.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Customer message ids already answered: filled at start-up, then by the core thread. */
    private final Set<String> answered = Collections.synchronizedSet(new HashSet<>());

    @Override
    public Integer call() throws Exception {
        if (!"http".equals(server.getScheme()) && !"https".equals(server.getScheme())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--server must be an http(s) URL, not " + server);
        }
        char[] password = readPassword();
        PrintStream out = System.out;
        AgentSession session = new AgentSession(server, DataDirectory.resolve(dataDir), Clock.systemUTC(),
                TestHooks.wrap(new JavaWebSocketTransport()));
        CountDownLatch stopped = new CountDownLatch(1);
        session.subscribe(update -> onUpdate(session, update, out));
        try {
            session.signIn(user, password).join();
        } catch (java.util.concurrent.CompletionException e) {
            String why = e.getCause() instanceof ApiException api ? api.problem().userMessage() : e.getCause().getMessage();
            System.err.println("holdfast agent: cannot sign in as " + user + ": " + why);
            session.close();
            return 1;
        }
        session.journal().ifPresent(j -> rememberAnswered(session));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            session.close();
            emit(out, "stopped", null);
            out.flush();
            stopped.countDown();
        }, "holdfast-agent-stop"));
        if (!json) {
            out.println("Signed in as " + user + " on " + server + "; press Ctrl+C to stop.");
        }
        stopped.await();
        return 0;
    }

    private char[] readPassword() {
        try {
            String content = Files.readString(passwordFile, StandardCharsets.UTF_8);
            String first = content.lines().findFirst().orElse("");
            if (first.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "the password file " + passwordFile + " is empty");
            }
            return first.toCharArray();
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "cannot read the password file " + passwordFile + ": " + e.getMessage());
        }
    }

    /** Customer messages followed by an agent message are answered already (after a restart). */
    private void rememberAnswered(AgentSession session) {
        for (var conversation : session.heldConversations()) {
            var events = session.history(conversation.id(), 0, Integer.MAX_VALUE);
            for (int i = 0; i < events.size(); i++) {
                ConversationEvent e = events.get(i);
                if (isCustomerMessage(e) && events.subList(i + 1, events.size()).stream()
                        .anyMatch(later -> later.isMessage() && later.author().kind() == AuthorKind.AGENT)) {
                    answered.add(e.id());
                }
            }
        }
    }

    private void onUpdate(AgentSession session, SessionUpdate update, PrintStream out) {
        if (update instanceof SessionUpdate.StatusChanged s) {
            ObjectNode n = node("connection");
            n.put("state", stateName(s.status()));
            if (s.status() instanceof SessionStatus.Recovering r) {
                n.put("done", r.done()).put("total", r.total());
            }
            print(out, n, "connection: " + stateName(s.status()));
        } else if (update instanceof SessionUpdate.EventsApplied applied) {
            for (ConversationEvent e : applied.events()) {
                if (!isCustomerMessage(e)) {
                    continue;
                }
                if (answered.add(e.id())) {
                    ObjectNode n = node("message_received");
                    n.put("conversationId", e.conversationId()).put("seq", e.seq()).put("eventId", e.id())
                            .put("text", e.text()).put("customer", e.author().name());
                    print(out, n, "message from " + e.author().name() + ": " + e.text());
                    if (autoReply) {
                        session.send(e.conversationId(), replyTo(e));
                    }
                }
            }
        } else if (update instanceof SessionUpdate.DeliveryChanged d && d.entry().serverId() != null) {
            OutboxEntry entry = d.entry();
            ObjectNode n = node("message_acknowledged");
            n.put("conversationId", entry.conversationId()).put("clientMessageId", entry.clientMessageId())
                    .put("serverId", entry.serverId()).put("seq", entry.seq());
            print(out, n, "delivered " + entry.clientMessageId() + " as #" + entry.seq());
        } else if (update instanceof SessionUpdate.ConversationChanged c
                && c.conversation().status() == ConversationStatus.QUEUED) {
            // Take waiting conversations; losing the race to another agent is fine.
            session.accept(c.conversation().id(), c.conversation().version()).exceptionally(ex -> null);
        } else if (update instanceof SessionUpdate.RecoveryStarted r) {
            ObjectNode n = node("recovery_started");
            n.put("oldEpoch", r.oldEpoch()).put("newEpoch", r.newEpoch()).put("total", r.total());
            print(out, n, "the platform lost its state; restoring " + r.total() + " conversations");
        } else if (update instanceof SessionUpdate.RecoveryProgress p) {
            ObjectNode n = node("recovery_progress");
            n.put("done", p.done()).put("total", p.total());
            print(out, n, "recovering " + p.done() + " of " + p.total() + " conversations");
        } else if (update instanceof SessionUpdate.ProblemRaised problem) {
            ObjectNode n = node("problem");
            n.put("kind", problem.problem().kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("message", problem.problem().userMessage());
            print(out, n, "problem: " + problem.problem().userMessage());
        } else if (update instanceof SessionUpdate.RecoveryFinished f) {
            ObjectNode n = node("recovery_finished");
            n.put("oldEpoch", f.oldEpoch()).put("newEpoch", f.newEpoch()).put("restored", f.restored())
                    .put("rejectedEvents", f.rejectedEvents()).put("millis", f.millis());
            print(out, n, "recovered " + f.restored() + " conversations in " + f.millis() + " ms");
        }
    }

    private static boolean isCustomerMessage(ConversationEvent e) {
        return e.isMessage() && e.author().kind() == AuthorKind.CUSTOMER;
    }

    private static String replyTo(ConversationEvent e) {
        return "Thanks, " + e.author().name() + " — I'm looking into it (re: message " + e.seq() + ").";
    }

    static String stateName(SessionStatus s) {
        if (s instanceof SessionStatus.Live) {
            return "live";
        } else if (s instanceof SessionStatus.Reconnecting) {
            return "reconnecting";
        } else if (s instanceof SessionStatus.Offline) {
            return "offline";
        } else if (s instanceof SessionStatus.Recovering) {
            return "recovering";
        } else if (s instanceof SessionStatus.NeedsPassword) {
            return "needs_password";
        } else if (s instanceof SessionStatus.Failed) {
            return "failed";
        } else if (s instanceof SessionStatus.Connecting) {
            return "connecting";
        }
        return "signed_out";
    }

    private static ObjectNode node(String type) {
        ObjectNode n = Wire.mapper().createObjectNode();
        n.put("type", type).put("at", System.currentTimeMillis());
        return n;
    }

    private void print(PrintStream out, ObjectNode n, String words) {
        synchronized (out) {
            out.println(json ? n.toString() : words);
            out.flush();
        }
    }

    private void emit(PrintStream out, String type, String words) {
        print(out, node(type), words == null ? type : words);
    }
}
