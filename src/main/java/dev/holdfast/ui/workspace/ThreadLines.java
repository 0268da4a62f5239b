package dev.holdfast.ui.workspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lines of one thread in order: the numbered ones by seq, then the agent's messages the
 * platform has not numbered yet, in the order they were written. A line is found by its key
 * through a map and a binary search on seq, never by scanning the thread, so a thread of
 * 100,000 lines costs the same per event as a short one; only the unnumbered tail (the agent's
 * unsent messages, a handful) is scanned.
 *
 * <p>Threading: owned by the FX thread, like the list the thread view shows.
 */
final class ThreadLines {
    private final ObservableList<MessageItem> items = FXCollections.observableArrayList();
    /** The seq of every numbered line, by key. */
    private final Map<String, Long> seqByKey = new HashMap<>();
    /** How many lines at the end have no seq yet. */
    private int unnumbered;

    ObservableList<MessageItem> items() {
        return items;
    }

    /** Replaces everything; {@code lines} holds numbered lines by seq, then unnumbered ones. */
    void setAll(List<MessageItem> lines) {
        seqByKey.clear();
        unnumbered = 0;
        for (MessageItem line : lines) {
            if (line.seq() > 0) {
                seqByKey.put(line.key(), line.seq());
            } else {
                unnumbered++;
            }
        }
        items.setAll(lines);
    }

    /** Puts older numbered lines (ascending, all before the first) on top; returns how many. */
    int prepend(List<MessageItem> older) {
        long first = oldestSeq();
        List<MessageItem> fresh = older.stream()
                .filter(l -> l.seq() > 0 && (first == 0 || l.seq() < first) && !seqByKey.containsKey(l.key()))
                .toList();
        fresh.forEach(l -> seqByKey.put(l.key(), l.seq()));
        items.addAll(0, fresh);
        return fresh.size();
    }

    /** The seq of the first numbered line, 0 if there is none. */
    long oldestSeq() {
        return numbered() == 0 ? 0 : items.get(0).seq();
    }

    /**
     * Replaces the line with the same key or inserts it in order. Returns false, changing nothing,
     * when the line would contradict the order shown (a restore renumbered it, or another line
     * holds its seq): the caller then reloads the thread.
     */
    boolean upsert(MessageItem line) {
        int at = indexOf(line.key());
        if (line.seq() == 0) {
            if (at < 0) {
                items.add(line);
                unnumbered++;
            } else if (items.get(at).seq() == 0) {
                items.set(at, line);
            } // else: already numbered, a late unnumbered state adds nothing
            return true;
        }
        if (at >= 0 && items.get(at).seq() == line.seq()) {
            items.set(at, line);
            return true;
        }
        if (at >= 0 && items.get(at).seq() > 0) {
            return false; // renumbered
        }
        int slot = slotFor(line.seq());
        if (slot < numbered() && items.get(slot).seq() == line.seq()) {
            return false; // another line holds this seq
        }
        if (at >= 0) { // was unsent, now numbered: moves among the numbered lines
            items.remove(at);
            unnumbered--;
        }
        seqByKey.put(line.key(), line.seq());
        items.add(slot, line);
        return true;
    }

    boolean remove(String key) {
        int at = indexOf(key);
        if (at < 0) {
            return false;
        }
        MessageItem gone = items.remove(at);
        if (gone.seq() > 0) {
            seqByKey.remove(key);
        } else {
            unnumbered--;
        }
        return true;
    }

    MessageItem find(String key) {
        int at = indexOf(key);
        return at < 0 ? null : items.get(at);
    }

    int indexOf(String key) {
        Long seq = seqByKey.get(key);
        if (seq != null) {
            int slot = slotFor(seq);
            return slot < numbered() && items.get(slot).key().equals(key) ? slot : -1;
        }
        for (int i = numbered(); i < items.size(); i++) {
            if (items.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private int numbered() {
        return items.size() - unnumbered;
    }

    /** The first index among the numbered lines whose seq is at least {@code seq}. */
    private int slotFor(long seq) {
        int low = 0;
        int high = numbered();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (items.get(mid).seq() < seq) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
