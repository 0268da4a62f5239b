package dev.holdfast.platform.live;

import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.CustomerInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One conversation: its event log and the state derived from it. Status, assignee and version
 * are never set directly; they follow from the events, so that a log reloaded from SQLite or
 * uploaded by a restore yields the same state. Owned by {@link LiveStore}'s lock: every method
 * must be called while holding it.
 */
public final class Conversation {
    private static final CustomerInfo UNKNOWN_CUSTOMER =
            new CustomerInfo("unknown", "Customer", "en", "web", List.of());

    private final String id;
    private final TreeMap<Long, ConversationEvent> log = new TreeMap<>();
    private final Map<String, ConversationEvent> byId = new HashMap<>();
    private final List<PendingMessage> pending = new ArrayList<>();
    private ConversationMeta meta;

    // Derived from the log by apply(); reset by replay().
    private ConversationStatus status;
    private String assignee;
    private String previousAssignee;
    private long version;
    private long createdAt;
    private long queuedAt;
    private long lastActivityAt;
    private AuthorKind lastActivityBy;
    private Long waitingSince;
    /** The last message by the customer or an agent (0 when none), and who wrote it. */
    private long lastMessageAt;
    private AuthorKind lastMessageBy;
    /** The last message by the platform itself (a policy's warning); 0 when none. */
    private long lastSystemMessageAt;
    private boolean restored;
    private CustomerInfo openedCustomer;
    private final Set<String> everAssigned = new HashSet<>();

    public Conversation(String id, ConversationMeta meta) {
        this.id = id;
        this.meta = meta;
        replay();
    }

    public String id() {
        return id;
    }

    public ConversationMeta meta() {
        return meta;
    }

    void meta(ConversationMeta newMeta) {
        this.meta = newMeta;
    }

    public long lastSeq() {
        return log.isEmpty() ? 0 : log.lastKey();
    }

    public long firstSeq() {
        return log.isEmpty() ? 0 : log.firstKey();
    }

    public boolean isEmpty() {
        return log.isEmpty();
    }

    public Optional<ConversationEvent> event(String eventId) {
        return Optional.ofNullable(byId.get(eventId));
    }

    public ConversationEvent eventAt(long seq) {
        return log.get(seq);
    }

    public Collection<ConversationEvent> events() {
        return log.values();
    }

    public List<PendingMessage> pending() {
        return pending;
    }

    /** Appends the next event; its seq must follow the last one. */
    void append(ConversationEvent event) {
        if (event.seq() != lastSeq() + 1) {
            throw new IllegalStateException("seq " + event.seq() + " does not follow " + lastSeq() + " in " + id);
        }
        put(event);
        apply(event);
    }

    /** Puts events at their own seqs (restore, reload) and rederives the state. */
    void putAll(Collection<ConversationEvent> events) {
        events.forEach(this::put);
        replay();
    }

    /** Removes and returns the events from {@code fromSeq} on, in order. */
    List<ConversationEvent> cutFrom(long fromSeq) {
        Map<Long, ConversationEvent> tail = log.tailMap(fromSeq, true);
        List<ConversationEvent> cut = new ArrayList<>(tail.values());
        tail.clear();
        cut.forEach(e -> byId.remove(e.id()));
        replay();
        return cut;
    }

    private void put(ConversationEvent event) {
        ConversationEvent old = log.put(event.seq(), event);
        if (old != null) {
            byId.remove(old.id());
        }
        byId.put(event.id(), event);
    }

    void replay() {
        status = ConversationStatus.QUEUED;
        assignee = null;
        previousAssignee = null;
        version = 0;
        createdAt = 0;
        queuedAt = 0;
        lastActivityAt = 0;
        lastActivityBy = null;
        waitingSince = null;
        lastMessageAt = 0;
        lastMessageBy = null;
        lastSystemMessageAt = 0;
        restored = false;
        openedCustomer = null;
        everAssigned.clear();
        log.values().forEach(this::apply);
    }

    private void apply(ConversationEvent e) {
        if (e.kind().changesState()) {
            version++;
        }
        if (createdAt == 0) {
            createdAt = e.at();
            queuedAt = e.at();
        }
        if (e.at() >= lastActivityAt) {
            lastActivityAt = e.at();
            lastActivityBy = e.author().kind();
        }
        switch (e.kind()) {
            case OPENED -> {
                openedCustomer = e.customer();
                createdAt = e.at();
                queuedAt = e.at();
            }
            case MESSAGE -> {
                if (e.author().kind() == AuthorKind.SYSTEM) {
                    lastSystemMessageAt = Math.max(lastSystemMessageAt, e.at());
                } else if (e.at() >= lastMessageAt) {
                    lastMessageAt = e.at();
                    lastMessageBy = e.author().kind();
                }
                if (e.author().kind() == AuthorKind.CUSTOMER) {
                    if (waitingSince == null) {
                        waitingSince = e.at();
                    }
                } else if (e.author().kind() == AuthorKind.AGENT) {
                    waitingSince = null;
                }
            }
            case ASSIGNED, TRANSFERRED, REOPENED -> {
                previousAssignee = assignee;
                assignee = e.assignee();
                status = ConversationStatus.ASSIGNED;
                if (assignee != null) {
                    everAssigned.add(assignee);
                }
            }
            case QUEUED -> {
                previousAssignee = assignee;
                assignee = null;
                status = ConversationStatus.QUEUED;
                queuedAt = e.at();
            }
            case CLOSED -> {
                previousAssignee = assignee;
                status = ConversationStatus.CLOSED;
                waitingSince = null;
            }
            case RESTORED -> restored = true;
            default -> throw new IllegalStateException("unhandled kind " + e.kind());
        }
    }

    public ConversationStatus status() {
        return meta.awaitingSince() > 0 ? ConversationStatus.AWAITING_RESTORE : status;
    }

    public String assignee() {
        return status() == ConversationStatus.ASSIGNED || status() == ConversationStatus.CLOSED ? assignee : null;
    }

    /** The agent it was taken from by the last state change, if any. */
    public String previousAssignee() {
        return previousAssignee;
    }

    public long version() {
        return version;
    }

    public long queuedAt() {
        return queuedAt;
    }

    public long createdAt() {
        return createdAt;
    }

    /** The last message by the customer or an agent; 0 when there is none yet. */
    public long lastMessageAt() {
        return lastMessageAt;
    }

    /** Who wrote the last message (customer or agent); null when there is none yet. */
    public AuthorKind lastMessageBy() {
        return lastMessageBy;
    }

    /** The last message the platform itself wrote (a policy's warning); 0 when none. */
    public long lastSystemMessageAt() {
        return lastSystemMessageAt;
    }

    /** The user id of whoever made the last event, when that was an agent; null otherwise. */
    public String lastActivityUser() {
        if (log.isEmpty()) {
            return null;
        }
        Author author = log.lastEntry().getValue().author();
        return author.kind() == AuthorKind.AGENT ? author.id() : null;
    }

    public boolean wasEverAssignedTo(String userId) {
        return everAssigned.contains(userId);
    }

    public boolean hasOpenedEvent() {
        return openedCustomer != null;
    }

    public CustomerInfo customer() {
        if (openedCustomer != null) {
            return openedCustomer;
        }
        return meta.customer() != null ? meta.customer() : UNKNOWN_CUSTOMER;
    }

    public boolean isOpen() {
        ConversationStatus s = status();
        return s == ConversationStatus.QUEUED || s == ConversationStatus.ASSIGNED;
    }

    public ConversationSummary summary() {
        return new ConversationSummary(id, status(), assignee(), version, firstSeq(), lastSeq(), customer(),
                createdAt, lastActivityAt, lastActivityBy, waitingSince, restored);
    }

    /** Events with seq greater than {@code afterSeq}, ascending, at most {@code limit}. */
    public List<ConversationEvent> after(long afterSeq, int limit) {
        List<ConversationEvent> out = new ArrayList<>();
        for (ConversationEvent e : log.tailMap(afterSeq, false).values()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** The {@code limit} events just before {@code beforeSeq}, ascending. */
    public List<ConversationEvent> before(long beforeSeq, int limit) {
        List<ConversationEvent> out = new ArrayList<>();
        for (ConversationEvent e : log.headMap(beforeSeq, false).descendingMap().values()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(0, e);
        }
        return out;
    }

    public List<ConversationEvent> recent(int limit) {
        return before(Long.MAX_VALUE, limit);
    }

    boolean hasMoreAfter(long seq) {
        return !log.tailMap(seq, false).isEmpty();
    }

    boolean hasMoreBefore(long seq) {
        return !log.headMap(seq, false).isEmpty();
    }

    /** True for agents who may read it: its assignee, anyone while queued, and anyone who held it. */
    public boolean readableBy(String userId) {
        return status() == ConversationStatus.QUEUED || userId.equals(assignee()) || everAssigned.contains(userId);
    }

}
