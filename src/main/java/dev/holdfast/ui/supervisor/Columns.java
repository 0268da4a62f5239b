package dev.holdfast.ui.supervisor;

import dev.holdfast.ui.i18n.Language;
import dev.holdfast.ui.i18n.Messages;
import java.util.Comparator;
import java.util.function.BiFunction;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
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
                                           BiFunction<T, Messages, String> words, Comparator<T> order,
                                           double widthEm) {
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
        // em, so a larger text size widens the columns with it.
        column.setStyle("-fx-pref-width: " + widthEm + "em;");
        return column;
    }

    /** Redraws the table's words when the language changes. */
    static void followLanguage(TableView<?> table, Language language) {
        language.messagesProperty().addListener((obs, old, now) -> table.refresh());
    }
}
