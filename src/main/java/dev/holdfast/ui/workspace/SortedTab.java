package dev.holdfast.ui.workspace;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.collections.ObservableListBase;

/**
 * The rows of one tab, in order, kept by whoever owns the rows and told of each change. A replaced
 * row is found by binary search and moved with the fewest changes a ListView can be told: a single
 * set when it keeps its place, a remove and an add (in one change) when it moves. O(log n)
 * comparisons and one array shift, where a {@code SortedList} over a {@code FilteredList} walks
 * every row twice for each replaced one.
 *
 * <p>Read-only to everyone else: the list's own mutators throw, like a {@code SortedList}'s.
 *
 * <p>Threading: owned by the thread of its owner (the FX thread for the conversation tabs).
 *
 * @param <T> the rows; {@code order} must be total (no two distinct rows compare equal), which is
 *            what lets a binary search find a row by itself
 */
final class SortedTab<T> extends ObservableListBase<T> {
    private final Comparator<? super T> order;
    /** Which rows belong here; changes only through {@link #rebuild}. Owner's thread. */
    private Predicate<? super T> belongs;
    /** The rows, sorted by {@code order}. Owner's thread. */
    private ArrayList<T> rows = new ArrayList<>();

    SortedTab(Comparator<? super T> order, Predicate<? super T> belongs) {
        this.order = Objects.requireNonNull(order);
        this.belongs = Objects.requireNonNull(belongs);
    }

    /** Whether {@code row} belongs here (whether or not it has been added yet). */
    boolean belongs(T row) {
        return belongs.test(row);
    }

    /** Where {@code row} is, or -1; O(log n). */
    int positionOf(T row) {
        int at = Collections.binarySearch(rows, row, order);
        return at >= 0 ? at : -1;
    }

    /**
     * One row changed: {@code old} was given before (or is null for a row new to the owner),
     * {@code now} is its current state (or null when the owner no longer has it). At most one
     * change is announced, and none when the tab does not hold the row before or after.
     */
    void replace(T old, T now) {
        int from = old == null ? -1 : positionOf(old);
        boolean stays = now != null && belongs.test(now);
        if (from < 0 && !stays) {
            return;
        }
        beginChange();
        try {
            if (from < 0) {
                int to = insertionPoint(now);
                rows.add(to, now);
                nextAdd(to, to + 1);
            } else if (!stays) {
                rows.remove(from);
                nextRemove(from, old);
            } else if (fitsAt(from, now)) {
                rows.set(from, now);
                nextSet(from, old);
            } else {
                rows.remove(from);
                nextRemove(from, old);
                int to = insertionPoint(now);
                rows.add(to, now);
                nextAdd(to, to + 1);
            }
        } finally {
            endChange();
        }
    }

    /**
     * Rows new to the owner, any number, as one change: merged in one pass, O(n + k log k), rather
     * than shifting the array once for each of (at start) ten thousand rows.
     */
    void insertAll(Collection<? extends T> added) {
        List<T> fresh = new ArrayList<>();
        for (T row : added) {
            if (belongs.test(row)) {
                fresh.add(row);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        fresh.sort(order);
        ArrayList<T> merged = new ArrayList<>(rows.size() + fresh.size());
        int[] placed = new int[fresh.size()];
        int old = 0;
        for (int f = 0; f < fresh.size(); f++) {
            while (old < rows.size() && order.compare(rows.get(old), fresh.get(f)) < 0) {
                merged.add(rows.get(old++));
            }
            placed[f] = merged.size();
            merged.add(fresh.get(f));
        }
        merged.addAll(rows.subList(old, rows.size()));
        rows = merged;
        beginChange();
        try {
            // In ascending final positions, so each add leaves the earlier ones where they are.
            int start = 0;
            for (int f = 1; f <= placed.length; f++) {
                if (f == placed.length || placed[f] != placed[f - 1] + 1) {
                    nextAdd(placed[start], placed[f - 1] + 1);
                    start = f;
                }
            }
        } finally {
            endChange();
        }
    }

    /** A new rule for which rows belong (a search, a filter): all rows again, as one change. */
    void rebuild(Predicate<? super T> belongsNow, Collection<? extends T> all) {
        belongs = Objects.requireNonNull(belongsNow);
        ArrayList<T> fresh = new ArrayList<>();
        for (T row : all) {
            if (belongsNow.test(row)) {
                fresh.add(row);
            }
        }
        fresh.sort(order);
        List<T> before = rows;
        rows = fresh;
        if (before.isEmpty() && fresh.isEmpty()) {
            return;
        }
        beginChange();
        try {
            nextReplace(0, fresh.size(), before);
        } finally {
            endChange();
        }
    }

    /** Whether {@code row} can take position {@code at} without breaking the order. */
    private boolean fitsAt(int at, T row) {
        return (at == 0 || order.compare(rows.get(at - 1), row) < 0)
                && (at == rows.size() - 1 || order.compare(row, rows.get(at + 1)) < 0);
    }

    private int insertionPoint(T row) {
        int at = Collections.binarySearch(rows, row, order);
        if (at >= 0) {
            throw new IllegalStateException("Already listed, or the order is not total: " + row);
        }
        return -at - 1;
    }

    @Override
    public T get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }
}
