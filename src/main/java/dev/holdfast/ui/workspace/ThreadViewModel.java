package dev.holdfast.ui.workspace;

import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.common.Scheduler;
import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.ui.fx.FxBridge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * The open conversation: the latest page of what the journal holds, in seq order, followed by
 * the agent's messages the platform has not numbered yet (queued, sending, failed, needing
 * action). Older pages come from the journal when the view scrolls to the top. It also knows
 * where the customer's new messages start, how many arrived below the screen, and whether the
 * customer is typing.
 *
 * <p>Threading: every field and property is owned by the FX thread.
 */
public final class ThreadViewModel {
    static final int PAGE = 200;
    /** How long "is typing" stays up when the platform never says the customer stopped. */
    static final Duration TYPING_TIMEOUT = Duration.ofSeconds(8);
    /**
     * New lines go into the open thread at most this often; what comes meanwhile waits and goes in
     * together. Every change of the thread's length makes JavaFX's list restyle and re-measure the
     * lines on screen, which a conversation in full flow would otherwise ask for on every frame.
     */
    static final Duration APPEND_EVERY = Duration.ofMillis(250);

    private final AgentSession session;
    private final FxBridge bridge;
    private final String me;
    private final ThreadLines lines = new ThreadLines();
    private final ObjectProperty<String> conversationId = new SimpleObjectProperty<>();
    /**
     * The key of the first customer message of the latest run that came while the agent was not
     * looking (the thread closed, or scrolled up), or null.
     */
    private final ReadOnlyObjectWrapper<String> newMarkerKey = new ReadOnlyObjectWrapper<>();
    /** Customer messages that arrived below the screen since the agent last was at the bottom. */
    private final IntegerProperty newBelow = new SimpleIntegerProperty();
    /** The name of the customer typing in the open conversation, empty when nobody is. */
    private final ReadOnlyStringWrapper typing = new ReadOnlyStringWrapper("");
    /** Timers (the typing timeout): FX timers in the panel, a manual scheduler in tests. */
    private final Scheduler timers;
    private Cancellable typingTimeout = Cancellable.NONE;
    /** The open conversation's events that came while the gate was shut, in order. */
    private final List<ConversationEvent> waiting = new ArrayList<>();
    /** Shut for {@link #APPEND_EVERY} after lines went in; opening it lets the waiting ones in. */
    private Cancellable gate = Cancellable.NONE;
    private boolean gateShut;
    /** Per conversation not open: the seq of the first customer message that came meanwhile. */
    private final Map<String, Long> unseenSince = new HashMap<>();
    /** The journal holds lines older than the first one shown. */
    private boolean hasOlder;
    /** A page of older lines is being read; one at a time. */
    private boolean loadingOlder;
    /** Asked before each batch: is the agent looking at the bottom of the thread (set by the view)? */
    private BooleanSupplier atBottom = () -> true;

    public ThreadViewModel(AgentSession session, FxBridge bridge, String me, Scheduler timers) {
        this.session = session;
        this.bridge = bridge;
        this.me = me;
        this.timers = timers;
        conversationId.addListener((obs, old, id) -> show(id));
    }

    private void show(String id) {
        openGate();
        lines.setAll(List.of());
        hasOlder = false;
        loadingOlder = false;
        newMarkerKey.set(null);
        newBelow.set(0);
        stopTyping();
        if (id != null) {
            load(id, unseenSince.remove(id));
        }
    }

    private record Page(List<MessageItem> lines, boolean hasOlder) {
    }

    private void load(String id, Long unseenFrom) {
        bridge.load(() -> {
            List<ConversationEvent> latest = session.historyBefore(id, Long.MAX_VALUE, PAGE);
            List<MessageItem> loaded = new ArrayList<>(latest.size() + 4);
            latest.forEach(e -> loaded.add(MessageItem.of(e, me)));
            session.unsent().stream().filter(o -> o.conversationId().equals(id) && o.seq() == 0)
                    .forEach(o -> loaded.add(MessageItem.of(o, me)));
            return new Page(loaded, latest.size() == PAGE);
        }, page -> {
            if (!id.equals(conversationId.get())) {
                return;
            }
            // The marker first: the view places the opened thread by it.
            if (unseenFrom != null) {
                page.lines().stream().filter(l -> l.fromCustomer() && l.seq() >= unseenFrom).findFirst()
                        .ifPresent(l -> newMarkerKey.set(l.key()));
            }
            // Updates that came in while loading are already in the journal, so this page is whole.
            hasOlder = page.hasOlder();
            lines.setAll(page.lines());
        });
    }

    /**
     * Reads the page before the first line shown, if there is one; {@code prepended} hears how
     * many lines went on top, so the view can keep the line the agent was reading in place.
     */
    public void loadOlder(IntConsumer prepended) {
        String id = conversationId.get();
        long before = lines.oldestSeq();
        if (id == null || !hasOlder || loadingOlder || before == 0) {
            return;
        }
        loadingOlder = true;
        bridge.load(() -> session.historyBefore(id, before, PAGE), older -> {
            if (!id.equals(conversationId.get())) {
                return;
            }
            loadingOlder = false;
            hasOlder = older.size() == PAGE;
            int added = lines.prepend(older.stream().map(e -> MessageItem.of(e, me)).toList());
            prepended.accept(added);
        });
    }

    public void apply(List<SessionUpdate> batch) {
        String open = conversationId.get();
        for (SessionUpdate u : batch) {
            if (u instanceof SessionUpdate.EventsApplied e) {
                if (!e.conversationId().equals(open)) {
                    noteUnseen(e);
                    continue;
                }
                waiting.addAll(e.events());
            } else if (open != null && u instanceof SessionUpdate.DeliveryChanged d
                    && d.entry().conversationId().equals(open)) {
                delivery(d.entry());
            } else if (open != null && u instanceof SessionUpdate.TypingChanged t && t.conversationId().equals(open)
                    && t.author().kind() == AuthorKind.CUSTOMER) {
                customerTyping(t.author().name(), t.active());
            }
        }
        if (!gateShut) {
            letIn();
        }
    }

    /** Puts the waiting lines in, and shuts the gate for a while if there were any. */
    private void letIn() {
        String open = conversationId.get();
        if (waiting.isEmpty() || open == null) {
            waiting.clear();
            return;
        }
        List<ConversationEvent> arrived = List.copyOf(waiting);
        waiting.clear();
        if (!eventsArrived(arrived, atBottom.getAsBoolean())) {
            load(open, null); // the order changed under us (a restore): read it again
            return;
        }
        gateShut = true;
        gate = timers.schedule(APPEND_EVERY, () -> {
            gateShut = false;
            letIn();
        });
    }

    private void openGate() {
        gate.cancel();
        gateShut = false;
        waiting.clear();
    }

    private void noteUnseen(SessionUpdate.EventsApplied e) {
        for (ConversationEvent event : e.events()) {
            if (event.isMessage() && event.author().kind() == AuthorKind.CUSTOMER) {
                unseenSince.merge(e.conversationId(), event.seq(), Math::min);
            }
        }
    }

    private boolean eventsArrived(List<ConversationEvent> events, boolean following) {
        for (ConversationEvent event : events) {
            MessageItem line = MessageItem.of(event, me);
            if (hasOlder && line.seq() < lines.oldestSeq()) {
                continue; // above the loaded page: read when the agent scrolls up
            }
            boolean fresh = lines.find(line.key()) == null;
            if (!lines.upsert(line)) {
                return false;
            }
            if (fresh && line.fromCustomer()) {
                if (!following) {
                    // The first to arrive below the screen since the agent was last at the bottom
                    // starts a new unread run: the marker moves there.
                    if (newBelow.get() == 0) {
                        newMarkerKey.set(line.key());
                    }
                    newBelow.set(newBelow.get() + 1);
                }
                stopTyping(); // the message they were typing is here
            }
        }
        return true;
    }

    private void delivery(OutboxEntry entry) {
        MessageItem shown = lines.find(entry.clientMessageId());
        if (shown != null && shown.seq() > 0 && entry.state() == DeliveryState.SENT) {
            return; // the acknowledged event is already in place
        }
        if (shown != null && entry.state() != DeliveryState.SENT && shown.delivery() == DeliveryState.SENT) {
            return; // a late, older state must not undo "sent"
        }
        lines.upsert(MessageItem.of(entry, me));
    }

    private void customerTyping(String name, boolean active) {
        if (active) {
            typing.set(name);
            typingTimeout.cancel();
            typingTimeout = timers.schedule(TYPING_TIMEOUT, () -> typing.set(""));
        } else {
            stopTyping();
        }
    }

    private void stopTyping() {
        typingTimeout.cancel();
        typing.set("");
    }

    /** The agent scrolled down to the newest line: nothing is waiting below any more. */
    public void reachedBottom() {
        newBelow.set(0);
    }

    /** The view says how to tell whether the agent is at the bottom (asked once per batch). */
    public void setAtBottom(BooleanSupplier atBottom) {
        this.atBottom = atBottom;
    }

    public void retry(MessageItem item) {
        session.retry(item.key());
    }

    public void discard(MessageItem item) {
        bridge.whenDone(session.discard(item.key()), (done, failure) -> {
            if (failure == null) {
                lines.remove(item.key());
            }
        });
    }

    public ObservableList<MessageItem> items() {
        return lines.items();
    }

    public ObjectProperty<String> conversationIdProperty() {
        return conversationId;
    }

    public ReadOnlyObjectProperty<String> newMarkerKeyProperty() {
        return newMarkerKey.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty newBelowProperty() {
        return newBelow;
    }

    public ReadOnlyStringProperty typingProperty() {
        return typing.getReadOnlyProperty();
    }
}
