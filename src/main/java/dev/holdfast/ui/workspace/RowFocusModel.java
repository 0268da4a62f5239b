package dev.holdfast.ui.workspace;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.FocusModel;
import javafx.scene.control.ListView;

/**
 * The keyboard focus of a conversation list, followed through changes by position. The ListView's
 * own focus model, on every replaced row, looks its focused row up again with {@code indexOf}: a
 * walk of all ten thousand rows comparing records field by field, for every customer message, and
 * a jump to the first row when the focused one was the row replaced. Here a replaced row keeps
 * the focus, and rows added or removed before it move it along: O(changes), not O(rows).
 *
 * <p>Threading: FX thread only, like the list it serves.
 */
final class RowFocusModel<T> extends FocusModel<T> {
    private final ObservableList<T> items;

    RowFocusModel(ListView<T> list) {
        this.items = list.getItems();
        items.addListener((ListChangeListener<T>) this::follow);
    }

    @Override
    protected int getItemCount() {
        return items.size();
    }

    @Override
    protected T getModelItem(int index) {
        return index >= 0 && index < items.size() ? items.get(index) : null;
    }

    private void follow(ListChangeListener.Change<? extends T> c) {
        int at = getFocusedIndex();
        if (at < 0) {
            return;
        }
        while (c.next()) {
            at = moved(c, at);
        }
        focus(Math.min(at, items.size() - 1));
    }

    /** Where the focused row is after one part of a change. */
    static int moved(ListChangeListener.Change<?> c, int at) {
        int from = c.getFrom();
        if (c.wasPermutated()) {
            return at >= from && at < c.getTo() ? c.getPermutation(at) : at;
        }
        int removed = c.getRemovedSize();
        int added = c.getAddedSize();
        if (at >= from + removed) {
            return at + added - removed;
        }
        if (at >= from && at - from >= added) {
            // The focused row itself left: the row that took its place.
            return from;
        }
        return at;
    }
}
