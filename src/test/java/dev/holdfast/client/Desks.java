package dev.holdfast.client;

import static org.awaitility.Awaitility.await;

import dev.holdfast.client.journal.JournalLocation;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/** Small helpers shared by the client tests that run desks against a real platform. */
final class Desks {
    private Desks() {
    }

    /** A port that was free a moment ago on loopback (for a platform that must come back on the same port). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the desk holds the conversation as assigned to its user. */
    static void awaitAssigned(AgentSession desk, String conversationId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> desk.heldConversations().stream()
                .anyMatch(c -> c.id().equals(conversationId) && desk.user().equals(c.assignee())));
    }

    /** The agents' messages of a platform log, in seq order. */
    static List<ConversationEvent> agentMessages(List<ConversationEvent> log) {
        return log.stream().filter(e -> e.isMessage() && e.author().kind() == AuthorKind.AGENT).toList();
    }

    /** The journal file a desk uses for this user on this platform. */
    static Path journalFile(Path dataDir, URI server, String user) {
        return JournalLocation.fileFor(dataDir, server, user);
    }

    /**
     * The outbox states by client message id, read through a read-only connection of its own: what
     * is committed to the file, whoever else has it open (another process included).
     */
    static Map<String, String> outboxOnDisk(Path journalFile) {
        if (!java.nio.file.Files.exists(journalFile)) {
            return Map.of();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5_000);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + journalFile, config.toProperties());
             PreparedStatement ps = db.prepareStatement("SELECT client_message_id, state FROM outbox ORDER BY position");
             ResultSet rs = ps.executeQuery()) {
            Map<String, String> out = new LinkedHashMap<>();
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox of " + journalFile, e);
        }
    }
}
