package dev.holdfast.ui.supervisor;

import dev.holdfast.ui.i18n.Language;
import dev.holdfast.ui.i18n.Messages;
import java.util.Comparator;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Table columns whose cells word a row's facts in the current language and sort by the facts
 * themselves (a duration by its length, not by its words). A language switch redraws the cells.
 */
final class Columns {
    private Columns() {
    }

    /**
     * @param value the item's facts, observed: a change redraws the cell and re-sorts
     * @param words the facts in words
     * @param order how the column sorts
     */
    static <S, T> TableColumn<S, T> column(Language language, String headingKey, String id,
                                           Function<S, ObservableValue<T>> value,
                                           BiFunction<T, Messages, String> words, Comparator<T> order) {
        TableColumn<S, T> column = new TableColumn<>();
        column.textProperty().bind(language.text(headingKey));
        column.setId(id);
        column.setCellValueFactory(cell -> value.apply(cell.getValue()));
        column.setComparator(order);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : words.apply(item, language.messages()));
            }
        });
        return column;
    }

    /**
     * Sizes the columns in em of {@code reference}'s font (a label next to the table, which follows
     * the window's text size), so a larger text size widens them with it; the last column also
     * takes whatever width the table has left. A column is not a node, so CSS em sizes do not reach
     * it, and the constrained resize policies do not grow a column whose width is bound.
     */
    static void sizeInEm(Labeled reference, TableView<?> table, double... ems) {
        List<? extends TableColumn<?, ?>> columns = table.getColumns();
        int last = columns.size() - 1;
        for (int i = 0; i < last; i++) {
            double em = ems[i];
            columns.get(i).prefWidthProperty().bind(Bindings.createDoubleBinding(
                    () -> em * reference.getFont().getSize(), reference.fontProperty()));
        }
        double lastEm = ems[last];
        columns.get(last).prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double others = 0;
            for (int i = 0; i < last; i++) {
                others += ems[i] * reference.getFont().getSize();
            }
            // Room for the vertical scroll bar, so the rows never scroll sideways.
            double left = table.getWidth() - others - 1.5 * reference.getFont().getSize();
            return Math.max(lastEm * reference.getFont().getSize(), left);
        }, reference.fontProperty(), table.widthProperty()));
    }

    /** Redraws the table's words when the language changes. */
    static void followLanguage(TableView<?> table, Language language) {
        language.messagesProperty().addListener((obs, old, now) -> table.refresh());
    }
}
