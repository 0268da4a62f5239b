package dev.holdfast.ui.workspace;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ListView;
import javafx.scene.control.MultipleSelectionModel;
import javafx.scene.control.SelectionMode;

/**
 * The one highlighted row of a conversation list, followed through changes by position. The
 * ListView's own selection model shifts its selection on every change with a walk over a bit set
 * as long as the selected row's index, built from streams: on a list of ten thousand rows with the
 * open conversation near the end, each customer message that moves a row cost that walk, and the
 * first ones, before the JIT compiles it, stalled the FX thread for 20–40 ms. Here it is O(changes).
 *
 * <p>Single selection only (a conversation list opens one conversation). Where the open
 * conversation went is the view's business ({@code ConversationListView.reselect}); this model
 * only keeps the highlight where {@link RowFocusModel#moved} says the row went.
 *
 * <p>Threading: FX thread only, like the list it serves. It owns {@code indices} and {@code items}.
 */
final class RowSelectionModel<T> extends MultipleSelectionModel<T> {
    private final ListView<T> list;
    private final ObservableList<T> rows;
    private final ObservableList<Integer> indices = FXCollections.observableArrayList();
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ObservableList<Integer> indicesView = FXCollections.unmodifiableObservableList(indices);
    private final ObservableList<T> itemsView = FXCollections.unmodifiableObservableList(items);

    RowSelectionModel(ListView<T> list) {
        this.list = list;
        this.rows = list.getItems();
        setSelectionMode(SelectionMode.SINGLE);
        // Multiple selection is not offered: whatever asks for it gets one row.
        selectionModeProperty().addListener((obs, old, mode) -> setSelectionMode(SelectionMode.SINGLE));
        rows.addListener((ListChangeListener<T>) this::follow);
    }

    @Override
    public ObservableList<Integer> getSelectedIndices() {
        return indicesView;
    }

    @Override
    public ObservableList<T> getSelectedItems() {
        return itemsView;
    }

    @Override
    public void select(int index) {
        if (index >= 0 && index < rows.size()) {
            setTo(index);
            list.getFocusModel().focus(index);
        }
    }

    @Override
    public void clearAndSelect(int index) {
        select(index);
    }

    @Override
    public void select(T item) {
        // Asked only by callers outside the panel's code; the panel selects by index.
        int at = rows.indexOf(item);
        if (at >= 0) {
            select(at);
        }
    }

    @Override
    public void selectIndices(int index, int... more) {
        int last = more.length > 0 ? more[more.length - 1] : index;
        select(last);
    }

    @Override
    public void selectAll() {
        // Single selection: selecting all selects nothing more.
    }

    @Override
    public void selectFirst() {
        select(0);
    }

    @Override
    public void selectLast() {
        select(rows.size() - 1);
    }

    @Override
    public void selectPrevious() {
        int at = getSelectedIndex();
        if (at > 0) {
            select(at - 1);
        }
    }

    @Override
    public void selectNext() {
        select(getSelectedIndex() + 1);
    }

    @Override
    public void clearSelection(int index) {
        if (index == getSelectedIndex()) {
            clearSelection();
        }
    }

    @Override
    public void clearSelection() {
        setTo(-1);
    }

    @Override
    public boolean isSelected(int index) {
        return index >= 0 && index == getSelectedIndex();
    }

    @Override
    public boolean isEmpty() {
        return getSelectedIndex() < 0;
    }

    private void follow(ListChangeListener.Change<? extends T> c) {
        int at = getSelectedIndex();
        if (at < 0) {
            return;
        }
        while (c.next()) {
            at = RowFocusModel.moved(c, at);
        }
        setTo(Math.min(at, rows.size() - 1));
    }

    private void setTo(int index) {
        T item = index >= 0 ? rows.get(index) : null;
        boolean sameRow = index == getSelectedIndex();
        setSelectedIndex(index);
        setSelectedItem(item);
        if (index < 0) {
            indices.clear();
            items.clear();
        } else if (sameRow && !indices.isEmpty()) {
            items.set(0, item);
        } else {
            indices.setAll(index);
            items.setAll(item);
        }
    }
}
