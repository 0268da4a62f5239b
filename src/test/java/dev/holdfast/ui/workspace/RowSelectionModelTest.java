package dev.holdfast.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The highlighted row of a list through each kind of change, on a real ListView (headless toolkit). */
class RowSelectionModelTest {
    @BeforeAll
    static void toolkit() throws Exception {
        // Through TestFX, as the panel tests start it: the toolkit is started once per JVM.
        FxToolkit.registerPrimaryStage();
    }

    private final ObservableList<String> rows = FXCollections.observableArrayList("a", "b", "c", "d", "e");

    private ListView<String> list() {
        ListView<String> list = new ListView<>(rows);
        list.setFocusModel(new RowFocusModel<>(list));
        list.setSelectionModel(new RowSelectionModel<>(list));
        return list;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aReplacedRowStaysSelectedWithItsNewValue() throws Exception {
        List<Object> seen = onFx(() -> {
            ListView<String> list = list();
            list.getSelectionModel().select(3);
            rows.set(3, "d2");
            return List.of(list.getSelectionModel().getSelectedIndex(), list.getSelectionModel().getSelectedItem(),
                    list.getSelectionModel().getSelectedItems(), list.getSelectionModel().getSelectedIndices());
        });
        assertThat(seen).containsExactly(3, "d2", List.of("d2"), List.of(3));
    }

    @Test
    void rowsMovingAboveItCarryTheSelectionAlong() throws Exception {
        List<Object> seen = onFx(() -> {
            ListView<String> list = list();
            list.getSelectionModel().select(3);
            rows.add(0, "z");
            int afterAdd = list.getSelectionModel().getSelectedIndex();
            // A row moving from above to below it, in one change, as SortedTab moves a row.
            rows.setAll("a", "b", "c", "d", "e");
            list.getSelectionModel().select(3);
            rows.removeAll("a");
            rows.add("a");
            return List.of(afterAdd, list.getSelectionModel().getSelectedIndex(),
                    list.getSelectionModel().getSelectedItem(), list.getFocusModel().getFocusedIndex());
        });
        assertThat(seen).containsExactly(4, 2, "d", 2);
    }

    @Test
    void onlyOneRowIsEverSelected() throws Exception {
        List<Object> seen = onFx(() -> {
            ListView<String> list = list();
            list.getSelectionModel().select(1);
            list.getSelectionModel().selectIndices(0, 2, 4);
            list.getSelectionModel().selectAll();
            return List.of(list.getSelectionModel().getSelectedIndices(), list.getSelectionModel().isSelected(1),
                    list.getSelectionModel().isSelected(4));
        });
        assertThat(seen).containsExactly(List.of(4), false, true);
    }

    @Test
    void nextPreviousFirstLastAndClearing() throws Exception {
        List<Object> seen = onFx(() -> {
            ListView<String> list = list();
            var sm = list.getSelectionModel();
            sm.selectFirst();
            sm.selectNext();
            int next = sm.getSelectedIndex();
            sm.selectLast();
            sm.selectNext();
            int stillLast = sm.getSelectedIndex();
            sm.selectPrevious();
            int previous = sm.getSelectedIndex();
            sm.clearSelection(0);
            boolean keptOnOtherClear = !sm.isEmpty();
            sm.clearSelection();
            return List.of(next, stillLast, previous, keptOnOtherClear, sm.isEmpty(), sm.getSelectedIndices().size(),
                    sm.getSelectedItem() == null);
        });
        assertThat(seen).containsExactly(1, 4, 3, true, true, 0, true);
    }

    @Test
    void emptyingTheListClearsTheSelection() throws Exception {
        List<Object> seen = onFx(() -> {
            ListView<String> list = list();
            list.getSelectionModel().select(2);
            rows.clear();
            return List.of(list.getSelectionModel().getSelectedIndex(), list.getSelectionModel().isEmpty());
        });
        assertThat(seen).containsExactly(-1, true);
    }
}
