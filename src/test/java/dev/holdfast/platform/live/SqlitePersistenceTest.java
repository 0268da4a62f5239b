package dev.holdfast.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.EventKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable store keeps what it was given across reopening, and refuses files it must not touch. */
class SqlitePersistenceTest {
    @TempDir
    Path dir;

    private static final CustomerInfo CUSTOMER = new CustomerInfo("cust-1", "Ana", "es", "web", List.of("vip"));

    private static ConversationEvent event(String conv, long seq, String text) {
        return new ConversationEvent("e-" + conv + "-" + seq, conv, seq,
                text == null ? EventKind.OPENED : EventKind.MESSAGE, 1000 + seq,
                new Author(AuthorKind.CUSTOMER, "cust-1", "Ana"), text, text == null ? null : "m" + seq,
                text == null ? null : "cust-1", null, null, text == null ? CUSTOMER : null, "r" + seq);
    }

    @Test
    void everythingWrittenIsThereAfterReopening() throws Exception {
        Path file = dir.resolve("store.db");
        try (SqlitePersistence p = new SqlitePersistence(file)) {
            assertThat(p.load().epoch()).isNull();
            p.saveEpoch("ep-1");
            p.appendEvent(event("c1", 1, null));
            p.appendEvent(event("c1", 2, "hola"));
            p.saveMeta("c2", new ConversationMeta(CUSTOMER, 0, false, 5000));
            p.savePending("c2", new PendingMessage("p1", "cust-1", "m9", "¿hola?", 5001));
            p.savePending("c2", new PendingMessage("p2", "cust-1", "m10", "¿nadie?", 5002));
        }
        try (SqlitePersistence p = new SqlitePersistence(file)) {
            Persistence.Snapshot s = p.load();
            assertThat(s.epoch()).isEqualTo("ep-1");
            assertThat(s.events().get("c1")).containsExactly(event("c1", 1, null), event("c1", 2, "hola"));
            assertThat(s.metas().get("c2").awaitingSince()).isEqualTo(5000);
            assertThat(s.pending().get("c2")).extracting(PendingMessage::pendingId).containsExactly("p1", "p2");

            p.replaceConversation("c2", List.of(event("c2", 1, null)), new ConversationMeta(CUSTOMER, 1, true, 0));
            p.wipe("ep-2");
            Persistence.Snapshot wiped = p.load();
            assertThat(wiped.epoch()).isEqualTo("ep-2");
            assertThat(wiped.events()).isEmpty();
            assertThat(wiped.pending()).isEmpty();
        }
    }

    @Test
    void aStoreFromANewerVersionIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("newer.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> new SqlitePersistence(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("newer Holdfast").hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotADatabaseIsAClearError() throws Exception {
        Path file = dir.resolve("garbage.db");
        Files.writeString(file, "this is not a database, just a text file that happens to be here".repeat(100));
        assertThatThrownBy(() -> new SqlitePersistence(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
    }
}
