package dev.holdfast.ui.supervisor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.supervision.Board;
import dev.holdfast.protocol.supervision.HandlingReason;
import dev.holdfast.protocol.supervision.StaleReason;
import dev.holdfast.protocol.supervision.StaleRules;
import java.util.Comparator;
import java.util.List;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.Test;

/** The board merges snapshots in place, filters by team, agent, state and staleness, and sorts by facts. */
class BoardViewModelTest {
    private static final StaleRules RULES = new StaleRules(1_800_000, 600_000, 120_000, 180_000);
    private final BoardViewModel vm = new BoardViewModel();

    private static Board board(long at, dev.holdfast.protocol.supervision.BoardRow... rows) {
        return new Board(at, RULES, List.of(rows));
    }

    @Test
    void aConversationKeepsItsItemFromSnapshotToSnapshot() {
        vm.apply(board(BoardRows.NOW, BoardRows.row("c1", "Ana", "agent1", "support", BoardRows.fresh(), 2),
                BoardRows.row("c2", "Bob", null, "support", BoardRows.stale(StaleReason.CUSTOMER_WAITING, 700_000), 1)));
        BoardItem ana = vm.items().get(0);

        vm.apply(board(BoardRows.NOW + 2000, BoardRows.row("c1", "Ana", "agent1", "support",
                        BoardRows.stale(StaleReason.IDLE, 1_900_000), 3),
                BoardRows.row("c3", "Carla", "agent2", "sales", BoardRows.fresh(), 1)));

        assertThat(vm.items()).extracting(BoardItem::id).containsExactly("c1", "c3");
        assertThat(vm.items().get(0)).isSameAs(ana);
        assertThat(ana.line().row().conversation().version()).isEqualTo(3);
        assertThat(vm.staleProperty().get()).isEqualTo(1);
        assertThat(vm.teams()).containsExactly("sales", "support");
        assertThat(vm.agents()).containsExactly("agent1", "agent2");
        assertThat(vm.customerName("c3")).isEqualTo("Carla");
        assertThat(vm.customerName("gone")).isEqualTo("gone");
    }

    @Test
    void filtersCombine() {
        vm.apply(board(BoardRows.NOW,
                BoardRows.row("c1", "Ana", "agent1", "support", BoardRows.stale(StaleReason.IDLE, 2_000_000), 1),
                BoardRows.row("c2", "Bob", null, "support", BoardRows.stale(StaleReason.CUSTOMER_WAITING, 700_000), 1),
                BoardRows.row("c3", "Carla", "agent2", "sales", BoardRows.handled(HandlingReason.TYPING), 1),
                BoardRows.row("c4", "Dan", "agent1", "sales", BoardRows.fresh(), 1)));

        vm.filterProperty().set(BoardFilter.ALL.withStaleness(BoardFilter.Staleness.STALE));
        assertThat(vm.shown()).extracting(BoardItem::id).containsExactly("c1", "c2");
        vm.filterProperty().set(vm.filterProperty().get().withState(ConversationStatus.QUEUED));
        assertThat(vm.shown()).extracting(BoardItem::id).containsExactly("c2");
        vm.filterProperty().set(BoardFilter.ALL.withAgent("agent1"));
        assertThat(vm.shown()).extracting(BoardItem::id).containsExactly("c1", "c4");
        vm.filterProperty().set(BoardFilter.ALL.withTeam("sales").withStaleness(BoardFilter.Staleness.HANDLED));
        assertThat(vm.shown()).extracting(BoardItem::id).containsExactly("c3");
        vm.filterProperty().set(BoardFilter.ALL.withStaleness(BoardFilter.Staleness.FRESH));
        assertThat(vm.shown()).extracting(BoardItem::id).containsExactly("c4");
    }

    @Test
    void aFilteredSortedViewFollowsChangedFacts() {
        vm.apply(board(BoardRows.NOW,
                BoardRows.row("c1", "Ana", "agent1", "support", BoardRows.stale(StaleReason.IDLE, 2_000_000), 1),
                BoardRows.row("c2", "Bob", null, "support", BoardRows.stale(StaleReason.IDLE, 1_900_000), 1)));
        SortedList<BoardItem> stalest = new SortedList<>(vm.shown(), Comparator.comparingLong(
                (BoardItem i) -> SupervisionWords.staleRank(i.line().row().staleness())).reversed());
        assertThat(stalest).extracting(BoardItem::id).containsExactly("c1", "c2");

        vm.apply(board(BoardRows.NOW + 2000,
                BoardRows.row("c1", "Ana", "agent1", "support", BoardRows.handled(HandlingReason.SENT), 2),
                BoardRows.row("c2", "Bob", null, "support", BoardRows.stale(StaleReason.IDLE, 1_902_000), 1)));
        assertThat(stalest).extracting(BoardItem::id).containsExactly("c2", "c1");

        vm.filterProperty().set(BoardFilter.ALL.withStaleness(BoardFilter.Staleness.STALE));
        assertThat(stalest).extracting(BoardItem::id).containsExactly("c2");
    }

    @Test
    void durationsAreWordedAgainstThePlatformsClock() {
        vm.apply(board(BoardRows.NOW, BoardRows.row("c1", "Ana", null, "support", BoardRows.fresh(), 1)));
        BoardItem.Line line = vm.items().get(0).line();
        assertThat(line.waitingMillis()).isEqualTo(720_000);
        assertThat(line.idleMillis()).isEqualTo(60_000);
    }
}
