package dev.holdfast.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.CustomerInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * A tab's order and the changes it announces, with the conversation rows and the urgency order the
 * Mine and Queue tabs use. Every announced change is replayed onto a plain copy: the copy must end
 * equal to the tab, so a ListView following the changes sees what the tab holds. Plain collections,
 * no toolkit.
 */
class SortedTabTest {
    /** The rules a tab can be rebuilt with: a tab, a tab and a filter, another filter. */
    private static final List<Predicate<ConversationItem>> RULES = List.of(
            SortedTabTest::assigned,
            i -> assigned(i) && i.summary().lastActivityAt() % 2 == 0,
            i -> assigned(i) && i.waitingSince() != null);

    private final SortedTab<ConversationItem> tab =
            new SortedTab<>(ConversationListViewModel.URGENCY, SortedTabTest::assigned);
    private final Replay replay = new Replay(tab);

    @Test
    void aRowThatKeepsItsPlaceIsOneSet() {
        tab.insertAll(List.of(row("a", 1L, 5), row("b", 2L, 5), row("c", 3L, 5)));
        replay.changes.clear();

        tab.replace(row("b", 2L, 5), row("b", 2L, 6));

        assertThat(tab).extracting(ConversationItem::id).containsExactly("a", "b", "c");
        assertThat(replay.changes).containsExactly("replaced 1..2 (1 removed)");
    }

    @Test
    void aRowThatMovesIsOneChangeOfARemoveAndAnAdd() {
        tab.insertAll(List.of(row("a", 1L, 5), row("b", 2L, 5), row("c", 3L, 5)));
        replay.changes.clear();

        tab.replace(row("a", 1L, 5), row("a", 4L, 5)); // now waiting since later than b and c

        assertThat(tab).extracting(ConversationItem::id).containsExactly("b", "c", "a");
        assertThat(replay.changes).containsExactly("removed at 0, added 2..3");
        assertThat(replay.copy).isEqualTo(tab);
    }

    @Test
    void rowsEnterAndLeaveByTheRuleAndTiesAreBrokenById() {
        tab.insertAll(List.of(row("b", 1L, 5), row("a", 1L, 5)));
        assertThat(tab).extracting(ConversationItem::id).containsExactly("a", "b");
        replay.changes.clear();

        tab.replace(row("a", 1L, 5), queued("a"));
        tab.replace(queued("z"), row("z", 1L, 5));
        tab.replace(queued("q"), queued("q")); // never here: nothing to say

        assertThat(tab).extracting(ConversationItem::id).containsExactly("b", "z");
        assertThat(replay.changes).containsExactly("removed at 0", "added 1..2");
        assertThat(tab.positionOf(row("z", 1L, 5))).isEqualTo(1);
        assertThat(tab.positionOf(row("z", 1L, 6))).isEqualTo(-1);
    }

    @Test
    void manyNewRowsAreOneChangeAndANewRuleIsOneReplacement() {
        tab.insertAll(List.of(row("b", 2L, 5), row("d", 4L, 5)));
        replay.changes.clear();

        tab.insertAll(List.of(row("e", 5L, 5), row("a", 1L, 5), queued("q"), row("c", 3L, 5)));
        assertThat(tab).extracting(ConversationItem::id).containsExactly("a", "b", "c", "d", "e");
        assertThat(replay.changes).hasSize(1);

        tab.rebuild(i -> assigned(i) && !i.id().equals("c"), List.copyOf(tab));
        assertThat(tab).extracting(ConversationItem::id).containsExactly("a", "b", "d", "e");
        assertThat(replay.changes).hasSize(2);
        assertThat(replay.copy).isEqualTo(tab);
    }

    /**
     * Any sequence of new rows, replaced rows, rows gone and new rules leaves the tab equal to a full
     * sort of the rows its rule picks, each step announcing at most one change, a single set when
     * the row kept its place, and the changes replayed give the same list.
     */
    @Property(tries = 300)
    void staysEqualToAFullSortOfTheRowsItsRulePicks(@ForAll("steps") List<Step> steps) {
        SortedTab<ConversationItem> sorted = new SortedTab<>(ConversationListViewModel.URGENCY, RULES.get(0));
        Replay seen = new Replay(sorted);
        Map<String, ConversationItem> owned = new LinkedHashMap<>();
        Predicate<ConversationItem> rule = RULES.get(0);
        int nextId = 0;
        for (Step step : steps) {
            seen.changes.clear();
            if (step instanceof Insert insert) {
                List<ConversationItem> fresh = new ArrayList<>();
                for (State s : insert.states()) {
                    fresh.add(s.row("c-" + nextId++));
                }
                fresh.forEach(r -> owned.put(r.id(), r));
                sorted.insertAll(fresh);
            } else if (step instanceof Replace replace && !owned.isEmpty()) {
                ConversationItem old = pick(owned, replace.pick());
                ConversationItem now = replace.state().row(old.id());
                int before = sorted.positionOf(old);
                owned.put(now.id(), now);
                sorted.replace(old, now);
                if (before >= 0 && sorted.positionOf(now) == before) {
                    assertThat(seen.changes).containsExactly("replaced " + before + ".." + (before + 1) + " (1 removed)");
                }
            } else if (step instanceof Remove remove && !owned.isEmpty()) {
                ConversationItem old = pick(owned, remove.pick());
                owned.remove(old.id());
                sorted.replace(old, null);
            } else if (step instanceof Rebuild rebuild) {
                rule = RULES.get(rebuild.rule());
                sorted.rebuild(rule, owned.values());
            }
            assertThat(seen.changes.size()).isLessThanOrEqualTo(1);
            List<ConversationItem> expected = new ArrayList<>(owned.values().stream().filter(rule).toList());
            expected.sort(ConversationListViewModel.URGENCY);
            assertThat(sorted).containsExactlyElementsOf(expected);
            assertThat(seen.copy).containsExactlyElementsOf(expected);
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<State> state = Combinators.combine(
                Arbitraries.of(ConversationStatus.ASSIGNED, ConversationStatus.ASSIGNED, ConversationStatus.QUEUED),
                Arbitraries.longs().between(1, 3).injectNull(0.3),
                Arbitraries.longs().between(1, 4)).as(State::new);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 1_000);
        Arbitrary<Step> insert = state.list().ofMinSize(1).ofMaxSize(6).map(Insert::new);
        Arbitrary<Step> replace = Combinators.combine(pick, state).as(Replace::new);
        Arbitrary<Step> remove = pick.map(Remove::new);
        Arbitrary<Step> rebuild = Arbitraries.integers().between(0, RULES.size() - 1).map(Rebuild::new);
        return Arbitraries.frequencyOf(Tuple.of(3, insert), Tuple.of(8, replace), Tuple.of(2, remove),
                Tuple.of(1, rebuild)).list().ofMaxSize(80);
    }

    sealed interface Step permits Insert, Replace, Remove, Rebuild {
    }

    record Insert(List<State> states) implements Step {
    }

    record Replace(int pick, State state) implements Step {
    }

    record Remove(int pick) implements Step {
    }

    record Rebuild(int rule) implements Step {
    }

    /** Few distinct waits and activities, so rows often tie on them and the id decides. */
    record State(ConversationStatus status, Long waitingSince, long activity) {
        ConversationItem row(String id) {
            return new ConversationItem(summary(id, status, activity), 0, waitingSince);
        }
    }

    private static ConversationItem pick(Map<String, ConversationItem> owned, int pick) {
        return new ArrayList<>(owned.values()).get(pick % owned.size());
    }

    private static boolean assigned(ConversationItem i) {
        return i.summary().status() == ConversationStatus.ASSIGNED;
    }

    private static ConversationItem row(String id, Long waitingSince, long activity) {
        return new ConversationItem(summary(id, ConversationStatus.ASSIGNED, activity), 0, waitingSince);
    }

    private static ConversationItem queued(String id) {
        return new ConversationItem(summary(id, ConversationStatus.QUEUED, 1), 0, 1L);
    }

    private static ConversationSummary summary(String id, ConversationStatus status, long activity) {
        return new ConversationSummary(id, status, status == ConversationStatus.QUEUED ? null : "agent1", 2, 1, 3,
                new CustomerInfo("k-" + id, "Customer " + id, "es", "web", List.of()), 1, activity,
                AuthorKind.CUSTOMER, null, false);
    }

    /** The changes a tab announces, described, and a copy kept only by replaying them. */
    private static final class Replay {
        final List<String> changes = new ArrayList<>();
        final List<ConversationItem> copy = new ArrayList<>();

        Replay(SortedTab<ConversationItem> tab) {
            copy.addAll(tab);
            tab.addListener((ListChangeListener<ConversationItem>) c -> {
                List<String> parts = new ArrayList<>();
                while (c.next()) {
                    assertThat(c.wasPermutated() || c.wasUpdated()).isFalse();
                    List<ConversationItem> gone = copy.subList(c.getFrom(), c.getFrom() + c.getRemovedSize());
                    assertThat(gone).containsExactlyElementsOf(c.getRemoved());
                    gone.clear();
                    copy.addAll(c.getFrom(), c.getAddedSubList());
                    parts.add(c.wasReplaced() ? "replaced " + c.getFrom() + ".." + c.getTo() + " ("
                            + c.getRemovedSize() + " removed)"
                            : c.wasAdded() ? "added " + c.getFrom() + ".." + c.getTo()
                            : "removed at " + c.getFrom());
                }
                changes.add(String.join(", ", parts));
            });
        }
    }
}
