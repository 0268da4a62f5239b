package dev.holdfast.ui.workspace;

import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.ui.fx.FxBridge;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open conversation: what the journal holds, in seq order, followed by the agent's messages
 * the platform has not numbered yet (queued, sending, failed, needing action).
 *
 * <p>Threading: every field and property is owned by the FX thread.
 */
public final class ThreadViewModel {
    private static final int HISTORY = 500;

    private final AgentSession session;
    private final FxBridge bridge;
    private final String me;
    private final ObservableList<MessageItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<String> conversationId = new SimpleObjectProperty<>();

    public ThreadViewModel(AgentSession session, FxBridge bridge, String me) {
        this.session = session;
        this.bridge = bridge;
        this.me = me;
        conversationId.addListener((obs, old, id) -> show(id));
    }

    private void show(String id) {
        items.clear();
        if (id == null) {
            return;
        }
        bridge.load(() -> {
            List<MessageItem> loaded = new ArrayList<>();
            session.history(id, 0, HISTORY).forEach(e -> loaded.add(MessageItem.of(e, me)));
            session.unsent().stream().filter(o -> o.conversationId().equals(id))
                    .forEach(o -> loaded.add(MessageItem.of(o, me)));
            return loaded;
        }, loaded -> {
            if (id.equals(conversationId.get())) {
                // Updates that came in while loading are already in the journal, so this list is whole.
                items.setAll(loaded);
            }
        });
    }

    public void apply(List<SessionUpdate> batch) {
        String open = conversationId.get();
        if (open == null) {
            return;
        }
        List<ConversationEvent> arrived = new ArrayList<>();
        for (SessionUpdate u : batch) {
            if (u instanceof SessionUpdate.EventsApplied e && e.conversationId().equals(open)) {
                arrived.addAll(e.events());
            } else if (u instanceof SessionUpdate.DeliveryChanged d && d.entry().conversationId().equals(open)) {
                addEvents(arrived);
                delivery(d.entry());
            }
        }
        addEvents(arrived);
    }

    /**
     * Lines newer than every numbered line shown go in with one change (a burst brings them by the
     * hundred, and each change of the list relayouts the thread); anything else is placed one by one.
     */
    private void addEvents(List<ConversationEvent> events) {
        List<MessageItem> newer = new ArrayList<>();
        for (ConversationEvent event : events) {
            MessageItem item = MessageItem.of(event, me);
            long newest = newer.isEmpty() ? newestSeq() : newer.get(newer.size() - 1).seq();
            if (item.seq() > newest && indexOf(item.key()) < 0) {
                newer.add(item);
            } else {
                appendNumbered(newer);
                upsert(item);
            }
        }
        appendNumbered(newer);
        events.clear();
    }

    private long newestSeq() {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).seq() > 0) {
                return items.get(i).seq();
            }
        }
        return 0;
    }

    /** After the numbered lines, before the agent's unnumbered ones; empties {@code newer}. */
    private void appendNumbered(List<MessageItem> newer) {
        if (newer.isEmpty()) {
            return;
        }
        int at = items.size();
        while (at > 0 && items.get(at - 1).seq() == 0) {
            at--;
        }
        items.addAll(at, List.copyOf(newer));
        newer.clear();
    }

    private void delivery(OutboxEntry entry) {
        int i = indexOf(entry.clientMessageId());
        MessageItem item = MessageItem.of(entry, me);
        if (i >= 0 && items.get(i).seq() > 0 && entry.state() == DeliveryState.SENT) {
            return; // the acknowledged event is already in place
        }
        if (i >= 0 && entry.state() != DeliveryState.SENT && items.get(i).delivery() == DeliveryState.SENT) {
            return; // a late, older state must not undo "sent"
        }
        upsert(item);
    }

    /** Replaces the line with the same key, or inserts it in seq order (unnumbered ones last). */
    private void upsert(MessageItem item) {
        int i = indexOf(item.key());
        if (i >= 0) {
            if (item.seq() > 0 && items.get(i).seq() == 0) {
                items.remove(i); // now numbered: moves among the numbered lines
            } else {
                items.set(i, item);
                return;
            }
        }
        if (item.seq() == 0) {
            items.add(item);
            return;
        }
        int at = items.size();
        while (at > 0 && (items.get(at - 1).seq() == 0 || items.get(at - 1).seq() > item.seq())) {
            at--;
        }
        items.add(at, item);
    }

    private int indexOf(String key) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (items.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    public void retry(MessageItem item) {
        session.retry(item.key());
    }

    public void discard(MessageItem item) {
        bridge.whenDone(session.discard(item.key()), (done, failure) -> {
            if (failure == null) {
                int i = indexOf(item.key());
                if (i >= 0) {
                    items.remove(i);
                }
            }
        });
    }

    public ObservableList<MessageItem> items() {
        return items;
    }

    public ObjectProperty<String> conversationIdProperty() {
        return conversationId;
    }
}
