package dev.holdfast.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.EventKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A thread's lines stay in seq order, unsent ones last, found by key without a scan. */
class ThreadLinesTest {
    private final ThreadLines lines = new ThreadLines();

    private static MessageItem line(String key, long seq) {
        return new MessageItem(key, seq, EventKind.MESSAGE, AuthorKind.CUSTOMER, "María", key, seq, null, null, null, 0);
    }

    private static MessageItem mine(String key, long seq, DeliveryState state) {
        return new MessageItem(key, seq, EventKind.MESSAGE, AuthorKind.AGENT, "agent1", key, 0, state, null, null, 0);
    }

    private List<String> keys() {
        return lines.items().stream().map(MessageItem::key).toList();
    }

    @Test
    void linesGoInSeqOrderWithUnsentOnesLast() {
        lines.setAll(List.of(line("a", 1), line("c", 3)));
        lines.upsert(mine("m", 0, DeliveryState.QUEUED));
        lines.upsert(line("d", 4));
        lines.upsert(line("b", 2));
        assertThat(keys()).containsExactly("a", "b", "c", "d", "m");
        // Acknowledged: the agent's line moves among the numbered ones, at its seq.
        assertThat(lines.upsert(mine("m", 5, DeliveryState.SENT))).isTrue();
        lines.upsert(mine("n", 0, DeliveryState.SENDING));
        assertThat(keys()).containsExactly("a", "b", "c", "d", "m", "n");
        assertThat(lines.indexOf("m")).isEqualTo(4);
        assertThat(lines.indexOf("n")).isEqualTo(5);
    }

    @Test
    void aKnownLineIsReplacedInPlace() {
        lines.setAll(List.of(line("a", 1), line("b", 2)));
        MessageItem edited = new MessageItem("a", 1, EventKind.MESSAGE, AuthorKind.CUSTOMER, "María", "edited", 1,
                null, null, null, 0);
        lines.upsert(edited);
        assertThat(lines.items()).hasSize(2);
        assertThat(lines.find("a").text()).isEqualTo("edited");
    }

    @Test
    void olderPagesGoOnTopWithoutDuplicates() {
        lines.setAll(List.of(line("c", 3), line("d", 4)));
        assertThat(lines.prepend(List.of(line("a", 1), line("b", 2), line("c", 3)))).isEqualTo(2);
        assertThat(keys()).containsExactly("a", "b", "c", "d");
        assertThat(lines.oldestSeq()).isEqualTo(1);
    }

    @Test
    void aRenumberedLineIsRefusedSoTheThreadIsReadAgain() {
        lines.setAll(List.of(line("a", 1), line("b", 2)));
        assertThat(lines.upsert(line("b", 7))).isFalse();
        assertThat(lines.upsert(line("x", 2))).isFalse();
        assertThat(keys()).containsExactly("a", "b");
    }

    @Test
    void removingKeepsLookupsRight() {
        lines.setAll(List.of(line("a", 1), line("b", 2), mine("m", 0, DeliveryState.NEEDS_ACTION)));
        assertThat(lines.remove("m")).isTrue();
        assertThat(lines.remove("a")).isTrue();
        assertThat(lines.remove("zz")).isFalse();
        lines.upsert(mine("n", 0, DeliveryState.QUEUED));
        assertThat(keys()).containsExactly("b", "n");
        assertThat(lines.indexOf("b")).isZero();
    }
}
