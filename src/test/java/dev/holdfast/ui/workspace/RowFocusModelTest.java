package dev.holdfast.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** Where the focused row goes through each kind of list change; plain collections, no toolkit. */
class RowFocusModelTest {
    private final ObservableList<String> rows = FXCollections.observableArrayList("a", "b", "c", "d", "e");

    /** The focus, starting on {@code at}, after {@code edit}. */
    private int focusAfter(int at, Consumer<ObservableList<String>> edit) {
        int[] focus = {at};
        ListChangeListener<String> follow = c -> {
            while (c.next()) {
                focus[0] = RowFocusModel.moved(c, focus[0]);
            }
        };
        rows.addListener(follow);
        edit.accept(rows);
        rows.removeListener(follow);
        return focus[0];
    }

    @Test
    void aReplacedRowKeepsTheFocus() {
        assertThat(focusAfter(3, l -> l.set(3, "d2"))).isEqualTo(3);
    }

    @Test
    void rowsAddedOrRemovedBeforeItMoveIt() {
        assertThat(focusAfter(3, l -> l.add(0, "z"))).isEqualTo(4);
        assertThat(focusAfter(3, l -> l.remove(1))).isEqualTo(2);
        assertThat(focusAfter(1, l -> l.addAll(List.of("x", "y")))).isEqualTo(1);
    }

    @Test
    void whenTheFocusedRowLeavesTheOneTakingItsPlaceIsFocused() {
        assertThat(focusAfter(2, l -> l.remove(2))).isEqualTo(2);
        assertThat(rows.get(2)).isEqualTo("d");
    }

    @Test
    void aSortFollowsTheRow() {
        rows.setAll("e", "d", "c", "b", "a");
        assertThat(focusAfter(0, FXCollections::sort)).isEqualTo(4);
    }
}
