package dev.holdfast.ui.workspace;

import dev.holdfast.client.api.Scope;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.client.sync.SummaryAfterEvent;
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
import java.util.TreeSet;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * The conversations of the three tabs: Mine and Queue sorted by urgency (the longest-waiting
 * customer first, then the most recent activity), Closed with the most recently closed first. The
 * search and filters in {@link #filterProperty()} narrow all three. Each tab is a {@link SortedTab}
 * this model keeps in step with every row it writes, so a replaced row moves within its tab in
 * O(log n) rather than being re-filtered and re-sorted against all of them.
 *
 * <p>Threading: every field and property is owned by the FX thread.
 */
public final class ConversationListViewModel {
    /** Total (ties broken by id), so a tab finds a row by binary search on the row itself. */
    static final Comparator<ConversationItem> URGENCY = Comparator
            .comparing(ConversationItem::waitingSince, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Comparator.comparingLong((ConversationItem i) -> i.summary().lastActivityAt()).reversed())
            .thenComparing(ConversationItem::id);
    /** A closed conversation's last activity is its closing. Total, like {@link #URGENCY}. */
    static final Comparator<ConversationItem> RECENTLY_CLOSED = Comparator
            .comparingLong((ConversationItem i) -> i.summary().lastActivityAt()).reversed()
            .thenComparing(ConversationItem::id);

    private final AgentSession session;
    private final FxBridge bridge;
    private final String user;
    /** Only ever grows (rows are replaced, never removed), so a position once given stays valid. */
    private final List<ConversationItem> all = new ArrayList<>();
    /** Where each conversation sits in {@code all}: lookups by id are O(1) however many there are. */
    private final Map<String, Integer> positions = new HashMap<>();
    /** The tabs, each holding the rows of {@code all} it shows; written only alongside {@code all}. */
    private final SortedTab<ConversationItem> mine;
    private final SortedTab<ConversationItem> queue;
    private final SortedTab<ConversationItem> closed;
    private final List<SortedTab<ConversationItem>> tabs;
    private final ObjectProperty<String> selectedId = new SimpleObjectProperty<>();
    /** The open conversation's current row, kept in step with every change to it. */
    private final ReadOnlyObjectWrapper<ConversationItem> selected = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ConversationFilter> filter = new SimpleObjectProperty<>(ConversationFilter.NONE);
    /** True while rows or tabs are being written: the lists' own selection shuffles then are not the user's choice. */
    private boolean writing;

    public ConversationListViewModel(AgentSession session, FxBridge bridge, String user) {
        this.session = session;
        this.bridge = bridge;
        this.user = user;
        this.mine = new SortedTab<>(URGENCY, this::isMine);
        this.queue = new SortedTab<>(URGENCY, ConversationListViewModel::isQueued);
        this.closed = new SortedTab<>(RECENTLY_CLOSED, ConversationListViewModel::isClosed);
        this.tabs = List.of(mine, queue, closed);
        selectedId.addListener((obs, old, id) -> {
            markRead(id);
            selected.set(find(id));
        });
        filter.addListener((obs, old, now) -> {
            // Each tab is redone as one change; the lists' selection shuffles during it are not a choice.
            writing = true;
            try {
                mine.rebuild(both(this::isMine, now), all);
                queue.rebuild(both(ConversationListViewModel::isQueued, now), all);
                closed.rebuild(both(ConversationListViewModel::isClosed, now), all);
            } finally {
                writing = false;
            }
        });
    }

    private static Predicate<ConversationItem> both(Predicate<ConversationItem> tab, ConversationFilter filter) {
        return filter == null ? tab : tab.and(filter);
    }

    private boolean isMine(ConversationItem i) {
        ConversationStatus s = i.summary().status();
        return user.equals(i.summary().assignee())
                && (s == ConversationStatus.ASSIGNED || s == ConversationStatus.AWAITING_RESTORE);
    }

    private static boolean isQueued(ConversationItem i) {
        return i.summary().status() == ConversationStatus.QUEUED;
    }

    private static boolean isClosed(ConversationItem i) {
        return i.summary().status() == ConversationStatus.CLOSED;
    }

    /** Fills the lists from the journal, then asks the platform who is waiting in the queue. */
    public void load() {
        bridge.load(session::heldConversations, this::upsertAll);
        bridge.whenDone(session.conversations(Scope.QUEUE), (queued, failure) -> {
            if (queued != null) {
                upsertAll(queued);
            }
        });
    }

    /** A batch makes one change of a row per conversation it touched, and one for all new rows. */
    public void apply(List<SessionUpdate> batch) {
        Edit edit = new Edit();
        for (SessionUpdate u : batch) {
            if (u instanceof SessionUpdate.ConversationChanged c) {
                edit.upsert(c.conversation());
            } else if (u instanceof SessionUpdate.EventsApplied e) {
                eventsArrived(edit, e.conversationId(), e.events());
            }
        }
        edit.commit();
    }

    /**
     * Many at once (the journal at start, the queue): the new rows go in with one change, so ten
     * thousand conversations are sorted into the tabs once rather than one insertion at a time.
     */
    void upsertAll(List<ConversationSummary> summaries) {
        Edit edit = new Edit();
        summaries.forEach(edit::upsert);
        edit.commit();
    }

    /** A newer state of a conversation (an action's answer, a snapshot): replaces an older one. */
    void upsert(ConversationSummary summary) {
        Edit edit = new Edit();
        edit.upsert(summary);
        edit.commit();
    }

    private void eventsArrived(Edit edit, String conversationId, List<ConversationEvent> events) {
        Integer at = positions.get(conversationId);
        if (at == null) {
            // Events of a conversation not listed yet: its summary is in the journal by now.
            bridge.load(() -> session.journal().flatMap(j -> j.conversation(conversationId)),
                    found -> found.ifPresent(this::upsert));
            return;
        }
        ConversationItem item = edit.row(at);
        boolean open = conversationId.equals(selectedId.get());
        ConversationSummary summary = item.summary();
        int unread = item.unread();
        Long waiting = item.waitingSince();
        for (ConversationEvent e : events) {
            summary = SummaryAfterEvent.apply(summary, e);
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
        if (summary.status() == ConversationStatus.CLOSED) {
            waiting = null;
        }
        edit.put(at, new ConversationItem(summary, unread, waiting));
    }

    private void markRead(String id) {
        Integer at = id == null ? null : positions.get(id);
        if (at != null && all.get(at).unread() > 0) {
            Edit edit = new Edit();
            edit.put(at, all.get(at).withUnread(0));
            edit.commit();
        }
    }

    /**
     * The rows one batch writes, gathered and then committed together: every written row moves
     * within the tabs and makes each ListView look its rows up again, so a batch that touched one
     * conversation fifty times pays for it once. The one place rows are written, so the open
     * conversation's row and the tabs never lag behind {@code all}.
     */
    private final class Edit {
        /** Newest row per position already in {@code all}, in the order first touched. */
        private final Map<Integer, ConversationItem> changed = new LinkedHashMap<>();
        /** Rows new to the list; their positions follow {@code all}'s end. */
        private final List<ConversationItem> added = new ArrayList<>();

        /** The newest row at {@code at}, written by this edit or not. */
        ConversationItem row(int at) {
            if (at >= all.size()) {
                return added.get(at - all.size());
            }
            ConversationItem written = changed.get(at);
            return written != null ? written : all.get(at);
        }

        void put(int at, ConversationItem item) {
            if (at >= all.size()) {
                added.set(at - all.size(), item);
            } else {
                changed.put(at, item);
            }
        }

        void upsert(ConversationSummary summary) {
            Integer at = positions.get(summary.id());
            if (at == null) {
                positions.put(summary.id(), all.size() + added.size());
                added.add(new ConversationItem(summary, 0, summary.waitingSince()));
            } else if (summary.version() >= row(at).summary().version()) {
                put(at, row(at).withSummary(summary));
            }
        }

        void commit() {
            if (changed.isEmpty() && added.isEmpty()) {
                return;
            }
            writing = true;
            try {
                changed.forEach((at, now) -> {
                    ConversationItem old = all.set(at, now);
                    if (!old.equals(now)) {
                        tabs.forEach(tab -> tab.replace(old, now));
                    }
                });
                if (!added.isEmpty()) {
                    all.addAll(added);
                    tabs.forEach(tab -> tab.insertAll(added));
                }
            } finally {
                writing = false;
            }
            ConversationItem open = find(selectedId.get());
            if (open != null) {
                selected.set(open);
            }
        }
    }

    /**
     * True while a row is being replaced or the tabs are rebuilt for a new filter. A ListView moves
     * its selection to a neighbour when its selected row leaves or moves; that must not open
     * another conversation (nor write rows from inside the change that caused it).
     */
    boolean writing() {
        return writing;
    }

    /** Whether {@code tab} (one of mine, queue, closed) holds {@code item} under the current filter. */
    boolean shows(ObservableList<ConversationItem> tab, ConversationItem item) {
        SortedTab<ConversationItem> sorted = tabOf(tab);
        return sorted != null && sorted.belongs(item);
    }

    /**
     * Where a conversation sits in {@code tab} (one of mine, queue, closed), or -1: a binary search
     * of the tab, O(log n), instead of {@code indexOf} over every row.
     */
    int indexIn(ObservableList<ConversationItem> tab, String id) {
        Integer at = id == null ? null : positions.get(id);
        SortedTab<ConversationItem> sorted = tabOf(tab);
        if (at == null || sorted == null || at >= all.size()) {
            return -1;
        }
        return sorted.positionOf(all.get(at));
    }

    private SortedTab<ConversationItem> tabOf(ObservableList<ConversationItem> tab) {
        return tab == mine ? mine : tab == queue ? queue : tab == closed ? closed : null;
    }

    /** The row of a conversation, or null when it is not listed. */
    public ConversationItem find(String id) {
        Integer at = id == null ? null : positions.get(id);
        return at == null ? null : all.get(at);
    }

    /** The channels and languages present, for the filter menu; read when the menu opens. */
    public List<String> channels() {
        TreeSet<String> found = new TreeSet<>();
        all.forEach(i -> found.add(i.summary().customer().channel()));
        return List.copyOf(found);
    }

    public List<String> languages() {
        TreeSet<String> found = new TreeSet<>();
        all.forEach(i -> found.add(i.summary().customer().language()));
        return List.copyOf(found);
    }

    public String user() {
        return user;
    }

    public ObservableList<ConversationItem> mine() {
        return mine;
    }

    public ObservableList<ConversationItem> queue() {
        return queue;
    }

    public ObservableList<ConversationItem> closed() {
        return closed;
    }

    public ObjectProperty<String> selectedIdProperty() {
        return selectedId;
    }

    public ReadOnlyObjectProperty<ConversationItem> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObjectProperty<ConversationFilter> filterProperty() {
        return filter;
    }
}
