package dev.holdfast.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.ui.fx.FxBridge;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tabs as views of one set of rows: ten thousand conversations in, messages and state events
 * through, search across tabs. No JavaFX toolkit needed (collections and properties only); the
 * session is never asked because every conversation is already listed.
 */
class ConversationListViewModelTest {
    private final ConversationListViewModel vm = new ConversationListViewModel(null,
            new FxBridge(Runnable::run, Runnable::run), "agent1");

    @Test
    void aBatchChangesEachConversationItTouchedOnceAndFindsRowsWithoutWalkingThem() {
        List<ConversationSummary> held = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            held.add(summary("c-" + i, "Customer " + i, ConversationStatus.ASSIGNED, 1_000 + i));
        }
        vm.upsertAll(held);
        int[] changes = {0};
        vm.mine().addListener((javafx.collections.ListChangeListener<ConversationItem>) c -> changes[0]++);

        List<SessionUpdate> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String id = "c-" + (i % 20);
            batch.add(new SessionUpdate.EventsApplied(id, List.of(event(id, 10 + i, EventKind.MESSAGE, 5_000 + i))));
        }
        batch.add(new SessionUpdate.ConversationChanged(summary("c-new", "New", ConversationStatus.ASSIGNED, 9_000)));
        vm.apply(batch);

        assertThat(changes[0]).isEqualTo(20 + 1);
        assertThat(vm.find("c-0").unread()).isEqualTo(25);
        assertThat(vm.mine()).hasSize(10_001);
        for (String id : List.of("c-0", "c-19", "c-5000", "c-new")) {
            assertThat(vm.mine().get(vm.indexIn(vm.mine(), id)).id()).isEqualTo(id);
        }
        assertThat(vm.indexIn(vm.queue(), "c-0")).isEqualTo(-1);
        assertThat(vm.indexIn(vm.mine(), "nowhere")).isEqualTo(-1);
    }

    @Test
    void tenThousandConversationsSplitIntoTabsAndFollowEvents() {
        List<ConversationSummary> held = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ConversationStatus status = i % 10 == 0 ? ConversationStatus.QUEUED
                    : i % 10 == 1 ? ConversationStatus.CLOSED : ConversationStatus.ASSIGNED;
            held.add(summary("c-" + i, i % 7 == 0 ? "Núria " + i : "Customer " + i, status, 1_000 + i));
        }
        vm.upsertAll(held);
        assertThat(vm.queue()).hasSize(1_000);
        assertThat(vm.closed()).hasSize(1_000);
        assertThat(vm.mine()).hasSize(8_000);
        assertThat(vm.closed().get(0).id()).isEqualTo("c-9991"); // the latest activity first

        List<SessionUpdate> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String id = "c-" + (2 + (i % 8));
            batch.add(new SessionUpdate.EventsApplied(id, List.of(event(id, 10 + i, EventKind.MESSAGE, 5_000 + i))));
        }
        vm.apply(batch);
        assertThat(vm.find("c-2").unread()).isEqualTo(63);
        assertThat(vm.mine().get(0).waitingSince()).isNotNull();

        vm.apply(List.of(new SessionUpdate.EventsApplied("c-3",
                List.of(event("c-3", 1_000, EventKind.CLOSED, 20_000)))));
        assertThat(vm.find("c-3").summary().status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(vm.mine()).hasSize(7_999);
        assertThat(vm.closed().get(0).id()).isEqualTo("c-3");

        vm.filterProperty().set(ConversationFilter.NONE.withQuery("nuria"));
        assertThat(vm.mine()).allMatch(i -> i.customerName().startsWith("Núria"));
        assertThat(vm.queue()).extracting(ConversationItem::id).contains("c-70").doesNotContain("c-10");
        vm.filterProperty().set(ConversationFilter.NONE);
        assertThat(vm.mine()).hasSize(7_999);
    }

    @Test
    void eachTabStaysInOrderThroughMessagesAndAFilterIsOneChangePerTab() {
        List<ConversationSummary> held = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            held.add(summary("c-" + i, i % 3 == 0 ? "Núria " + i : "Customer " + i,
                    i % 5 == 0 ? ConversationStatus.QUEUED : ConversationStatus.ASSIGNED, 1_000 + i % 40));
        }
        vm.upsertAll(held);
        List<SessionUpdate> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String id = "c-" + (i * 7 % 2_000);
            batch.add(new SessionUpdate.EventsApplied(id, List.of(event(id, 10 + i, EventKind.MESSAGE, 5_000 + i % 9))));
        }
        vm.apply(batch);
        assertThat(vm.mine()).isSortedAccordingTo(ConversationListViewModel.URGENCY);
        assertThat(vm.queue()).isSortedAccordingTo(ConversationListViewModel.URGENCY).hasSize(400);

        int[] changes = {0};
        boolean[] quiet = {true};
        vm.mine().addListener((javafx.collections.ListChangeListener<ConversationItem>) c -> {
            changes[0]++;
            quiet[0] &= vm.writing();
        });
        vm.filterProperty().set(ConversationFilter.NONE.withQuery("nuria"));
        assertThat(changes[0]).isEqualTo(1);
        assertThat(quiet[0]).as("the lists' selection shuffles are not the agent's choice").isTrue();
        assertThat(vm.mine()).isSortedAccordingTo(ConversationListViewModel.URGENCY)
                .allMatch(i -> i.customerName().startsWith("Núria")).hasSize(533); // multiples of 3, less those of 15 (queued)
    }

    @Test
    void aRowThatKeepsItsPlaceIsReplacedInPlace() {
        vm.upsertAll(List.of(summary("c-1", "Ana", ConversationStatus.ASSIGNED, 100),
                summary("c-2", "Bea", ConversationStatus.ASSIGNED, 200)));
        List<String> seen = new ArrayList<>();
        vm.mine().addListener((javafx.collections.ListChangeListener<ConversationItem>) c -> {
            while (c.next()) {
                seen.add(c.getFrom() + (c.wasReplaced() ? " replaced" : c.wasAdded() ? " added" : " removed"));
            }
        });
        vm.apply(List.of(new SessionUpdate.EventsApplied("c-2", List.of(event("c-2", 10, EventKind.MESSAGE, 300)))));
        assertThat(seen).containsExactly("0 replaced");
        assertThat(vm.mine()).extracting(ConversationItem::id).containsExactly("c-2", "c-1");
    }

    @Test
    void theOpenRowFollowsItsChangesAndAnOlderStateIsIgnored() {
        vm.upsertAll(List.of(summary("c-1", "Ana", ConversationStatus.ASSIGNED, 100)));
        vm.selectedIdProperty().set("c-1");
        assertThat(vm.selectedProperty().get().id()).isEqualTo("c-1");
        ConversationSummary s = vm.find("c-1").summary();
        vm.upsert(new ConversationSummary("c-1", ConversationStatus.ASSIGNED, "agent2", s.version() + 1, 1, 5,
                s.customer(), 1, 200, AuthorKind.AGENT, null, false));
        assertThat(vm.selectedProperty().get().summary().assignee()).isEqualTo("agent2");
        vm.upsert(s); // older: ignored
        assertThat(vm.selectedProperty().get().summary().assignee()).isEqualTo("agent2");
        assertThat(vm.mine()).isEmpty();
    }

    private static ConversationSummary summary(String id, String name, ConversationStatus status, long activity) {
        return new ConversationSummary(id, status, status == ConversationStatus.QUEUED ? null : "agent1", 2, 1, 3,
                new CustomerInfo("k-" + id, name, "es", "web", List.of()), 1, activity, AuthorKind.CUSTOMER, null,
                false);
    }

    private static ConversationEvent event(String conversationId, long seq, EventKind kind, long at) {
        return new ConversationEvent("e-" + conversationId + "-" + seq, conversationId, seq, kind, at,
                new Author(AuthorKind.CUSTOMER, "k", "K"), kind == EventKind.MESSAGE ? "hola" : null, null, null, null,
                null, null, null);
    }
}
