package dev.holdfast.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.client.common.ManualScheduler;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.testing.MutableClock;
import dev.holdfast.ui.fx.FxBridge;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open thread's bookkeeping, without a screen: where new messages start, how many came below
 * the screen, and the customer's "is typing" with its timeout on a manual clock.
 */
class ThreadViewModelTest {
    private static final Author ANN = new Author(AuthorKind.CUSTOMER, "cust-1", "Ann");
    private static final Author AGENT = new Author(AuthorKind.AGENT, "agent1", "agent1");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock();
    private final ManualScheduler timers = new ManualScheduler(clock);
    private AgentSession session;
    private ThreadViewModel vm;
    private boolean atBottom = true;
    private long seq;

    @BeforeEach
    void open() {
        // Not signed in: its journal reads are empty, so the thread holds only what the test applies.
        session = new AgentSession(URI.create("http://127.0.0.1:9"), dir, clock);
        vm = new ThreadViewModel(session, new FxBridge(Runnable::run, Runnable::run), "agent1", timers);
        vm.setAtBottom(() -> atBottom);
        vm.conversationIdProperty().set("c1");
    }

    @AfterEach
    void close() {
        session.close();
    }

    private ConversationEvent message(String conversation, Author author, String text) {
        seq++;
        return new ConversationEvent("ev-" + seq, conversation, seq, EventKind.MESSAGE, clock.millis(), author, text,
                "cm-" + seq, null, null, null, null, null);
    }

    private void arrive(ConversationEvent... events) {
        vm.apply(List.of(new SessionUpdate.EventsApplied(events[0].conversationId(), List.of(events))));
    }

    @Test
    void atTheBottomNothingIsCountedAsNew() {
        arrive(message("c1", ANN, "hi"));
        assertThat(vm.newBelowProperty().get()).isZero();
        assertThat(vm.newMarkerKeyProperty().get()).isNull();
        assertThat(vm.items()).extracting(MessageItem::text).containsExactly("hi");
    }

    @Test
    void scrolledUpCustomerMessagesAreCountedAndMarkedFromTheFirst() {
        atBottom = false;
        ConversationEvent first = message("c1", ANN, "one");
        arrive(first);
        arrive(message("c1", AGENT, "a colleague answers"), message("c1", ANN, "two"));
        timers.advance(ThreadViewModel.APPEND_EVERY);
        assertThat(vm.newBelowProperty().get()).isEqualTo(2);
        assertThat(vm.newMarkerKeyProperty().get()).isEqualTo(first.clientMessageId());

        // Back at the bottom, then up again: the next arrival starts a new run and takes the marker.
        vm.reachedBottom();
        assertThat(vm.newBelowProperty().get()).isZero();
        ConversationEvent third = message("c1", ANN, "three");
        arrive(third);
        timers.advance(ThreadViewModel.APPEND_EVERY);
        assertThat(vm.newBelowProperty().get()).isEqualTo(1);
        assertThat(vm.newMarkerKeyProperty().get()).isEqualTo(third.clientMessageId());
    }

    @Test
    void linesInQuickSuccessionGoInTogetherAFewTimesASecond() {
        List<Integer> changes = new java.util.ArrayList<>();
        vm.items().addListener((javafx.collections.ListChangeListener<MessageItem>) c -> changes.add(vm.items().size()));
        arrive(message("c1", ANN, "one"));
        assertThat(vm.items()).extracting(MessageItem::text).containsExactly("one");
        arrive(message("c1", ANN, "two"));
        arrive(message("c1", ANN, "three"));
        assertThat(vm.items()).as("waiting for the gate").hasSize(1);
        timers.advance(ThreadViewModel.APPEND_EVERY.minusMillis(1));
        assertThat(vm.items()).hasSize(1);
        assertThat(changes).as("the list did not move meanwhile").containsExactly(1);
        timers.advance(Duration.ofMillis(1));
        assertThat(vm.items()).extracting(MessageItem::text).containsExactly("one", "two", "three");
        // Quiet for a while: the gate is open again and the next line goes in at once.
        timers.advance(ThreadViewModel.APPEND_EVERY);
        arrive(message("c1", ANN, "four"));
        assertThat(vm.items()).hasSize(4);
    }

    @Test
    void otherConversationsDoNotTouchTheOpenThread() {
        atBottom = false;
        arrive(message("c2", ANN, "elsewhere"));
        assertThat(vm.items()).isEmpty();
        assertThat(vm.newBelowProperty().get()).isZero();
    }

    @Test
    void theCustomerTypingShowsUntilTheyStopOrForAWhile() {
        vm.apply(List.of(new SessionUpdate.TypingChanged("c1", ANN, true)));
        assertThat(vm.typingProperty().get()).isEqualTo("Ann");
        vm.apply(List.of(new SessionUpdate.TypingChanged("c1", ANN, false)));
        assertThat(vm.typingProperty().get()).isEmpty();

        vm.apply(List.of(new SessionUpdate.TypingChanged("c1", ANN, true)));
        timers.advance(ThreadViewModel.TYPING_TIMEOUT.minusMillis(1));
        assertThat(vm.typingProperty().get()).isEqualTo("Ann");
        vm.apply(List.of(new SessionUpdate.TypingChanged("c1", ANN, true))); // still typing: timeout restarts
        timers.advance(Duration.ofSeconds(5));
        assertThat(vm.typingProperty().get()).isEqualTo("Ann");
        timers.advance(ThreadViewModel.TYPING_TIMEOUT);
        assertThat(vm.typingProperty().get()).isEmpty(); // no "stopped" came: hidden anyway
    }

    @Test
    void typingElsewhereOrByAnAgentIsNotShownAndAMessageEndsIt() {
        vm.apply(List.of(new SessionUpdate.TypingChanged("c2", ANN, true),
                new SessionUpdate.TypingChanged("c1", AGENT, true)));
        assertThat(vm.typingProperty().get()).isEmpty();
        vm.apply(List.of(new SessionUpdate.TypingChanged("c1", ANN, true)));
        arrive(message("c1", ANN, "here it is"));
        assertThat(vm.typingProperty().get()).isEmpty();
    }
}
