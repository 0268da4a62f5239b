package dev.holdfast.ui.workspace;

import dev.holdfast.client.api.Scope;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.ui.fx.FxBridge;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The conversations of the two tabs, Mine and Queue, sorted by urgency: the longest-waiting
 * customer first, then the most recent activity.
 *
 * <p>Threading: every field and property is owned by the FX thread.
 */
public final class ConversationListViewModel {
    static final Comparator<ConversationItem> URGENCY = Comparator
            .comparing(ConversationItem::waitingSince, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(i -> -i.summary().lastActivityAt());

    private final AgentSession session;
    private final FxBridge bridge;
    private final String user;
    private final ObservableList<ConversationItem> all = FXCollections.observableArrayList();
    private final SortedList<ConversationItem> mine;
    private final SortedList<ConversationItem> queue;
    private final ObjectProperty<String> selectedId = new SimpleObjectProperty<>();

    public ConversationListViewModel(AgentSession session, FxBridge bridge, String user) {
        this.session = session;
        this.bridge = bridge;
        this.user = user;
        this.mine = new SortedList<>(new FilteredList<>(all, this::isMine), URGENCY);
        this.queue = new SortedList<>(new FilteredList<>(all, i -> i.summary().status() == ConversationStatus.QUEUED),
                URGENCY);
        selectedId.addListener((obs, old, id) -> markRead(id));
    }

    private boolean isMine(ConversationItem i) {
        ConversationStatus s = i.summary().status();
        return user.equals(i.summary().assignee())
                && (s == ConversationStatus.ASSIGNED || s == ConversationStatus.AWAITING_RESTORE);
    }

    /** Fills the lists from the journal, then asks the platform who is waiting in the queue. */
    public void load() {
        bridge.load(session::heldConversations, held -> held.forEach(this::upsert));
        bridge.whenDone(session.conversations(Scope.QUEUE), (queued, failure) -> {
            if (queued != null) {
                queued.forEach(this::upsert);
            }
        });
    }

    public void apply(List<SessionUpdate> batch) {
        for (SessionUpdate u : batch) {
            if (u instanceof SessionUpdate.ConversationChanged c) {
                upsert(c.conversation());
            } else if (u instanceof SessionUpdate.EventsApplied e) {
                eventsArrived(e.conversationId(), e.events());
            }
        }
    }

    /** Takes a conversation from the queue; the platform's answer moves it to Mine. */
    public void take(ConversationItem item) {
        bridge.whenDone(session.accept(item.id(), item.summary().version()), (summary, failure) -> {
            if (summary != null) {
                upsert(summary);
            }
        });
    }

    private void upsert(ConversationSummary summary) {
        int i = indexOf(summary.id());
        if (i < 0) {
            all.add(new ConversationItem(summary, 0, summary.waitingSince()));
        } else if (summary.version() >= all.get(i).summary().version()) {
            all.set(i, all.get(i).withSummary(summary));
        }
    }

    private void eventsArrived(String conversationId, List<ConversationEvent> events) {
        int i = indexOf(conversationId);
        if (i < 0) {
            // Events of a conversation not listed yet: its summary is in the journal by now.
            bridge.load(() -> session.journal().flatMap(j -> j.conversation(conversationId)),
                    found -> found.ifPresent(this::upsert));
            return;
        }
        ConversationItem item = all.get(i);
        boolean open = conversationId.equals(selectedId.get());
        int unread = item.unread();
        Long waiting = item.waitingSince();
        for (ConversationEvent e : events) {
            if (!e.isMessage()) {
                continue;
            }
            if (e.author().kind() == AuthorKind.CUSTOMER) {
                unread += open ? 0 : 1;
                waiting = waiting == null ? e.at() : Math.min(waiting, e.at());
            } else if (e.author().kind() == AuthorKind.AGENT) {
                waiting = null;
            }
        }
        all.set(i, item.withUnread(unread).withWaitingSince(waiting));
    }

    private void markRead(String id) {
        int i = id == null ? -1 : indexOf(id);
        if (i >= 0 && all.get(i).unread() > 0) {
            all.set(i, all.get(i).withUnread(0));
        }
    }

    private int indexOf(String id) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public ObservableList<ConversationItem> mine() {
        return mine;
    }

    public ObservableList<ConversationItem> queue() {
        return queue;
    }

    public ObjectProperty<String> selectedIdProperty() {
        return selectedId;
    }
}
