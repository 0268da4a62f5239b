package dev.holdfast.ui.workspace;

import dev.holdfast.client.api.Scope;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.ui.fx.FxBridge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** Where each conversation is in {@code all}: rows are only ever appended or replaced in place. */
    private final Map<String, Integer> positions = new HashMap<>();
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

    /**
     * Every change of {@code all} re-sorts and re-filters the tabs and relayouts their lists, which
     * with 10,000 rows costs about a millisecond; a burst brings hundreds of updates per pulse.
     * So a batch is worked out first and then makes one change per conversation it touched and one
     * for all the conversations it added.
     */
    public void apply(List<SessionUpdate> batch) {
        Edit edit = new Edit();
        for (SessionUpdate u : batch) {
            if (u instanceof SessionUpdate.ConversationChanged c) {
                upsert(c.conversation(), edit);
            } else if (u instanceof SessionUpdate.EventsApplied e) {
                eventsArrived(e.conversationId(), e.events(), edit);
            }
        }
        edit.commit();
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
        Edit edit = new Edit();
        upsert(summary, edit);
        edit.commit();
    }

    private void upsert(ConversationSummary summary, Edit edit) {
        ConversationItem now = edit.current(summary.id());
        if (now == null) {
            edit.put(new ConversationItem(summary, 0, summary.waitingSince()));
        } else if (summary.version() >= now.summary().version()) {
            edit.put(now.withSummary(summary));
        }
    }

    private void eventsArrived(String conversationId, List<ConversationEvent> events, Edit edit) {
        ConversationItem item = edit.current(conversationId);
        if (item == null) {
            // Events of a conversation not listed yet: its summary is in the journal by now.
            bridge.load(() -> session.journal().flatMap(j -> j.conversation(conversationId)),
                    found -> found.ifPresent(this::upsert));
            return;
        }
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
        edit.put(item.withUnread(unread).withWaitingSince(waiting));
    }

    private void markRead(String id) {
        int i = id == null ? -1 : indexOf(id);
        if (i >= 0 && all.get(i).unread() > 0) {
            all.set(i, all.get(i).withUnread(0));
        }
    }

    private int indexOf(String id) {
        Integer at = positions.get(id);
        return at == null ? -1 : at;
    }

    /** The rows a batch changes or adds, written to {@code all} together at the end. */
    private final class Edit {
        private final Map<String, ConversationItem> changed = new LinkedHashMap<>();
        private final Map<String, ConversationItem> added = new LinkedHashMap<>();

        ConversationItem current(String id) {
            ConversationItem item = added.get(id);
            if (item == null) {
                item = changed.get(id);
            }
            int i = indexOf(id);
            return item != null ? item : i < 0 ? null : all.get(i);
        }

        void put(ConversationItem item) {
            if (added.containsKey(item.id()) || indexOf(item.id()) < 0) {
                added.put(item.id(), item);
            } else {
                changed.put(item.id(), item);
            }
        }

        void commit() {
            changed.forEach((id, item) -> all.set(indexOf(id), item));
            if (!added.isEmpty()) {
                for (String id : added.keySet()) {
                    positions.put(id, positions.size());
                }
                all.addAll(new ArrayList<>(added.values()));
            }
        }
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
