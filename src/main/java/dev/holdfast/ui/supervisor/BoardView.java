package dev.holdfast.ui.supervisor;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.ui.i18n.Language;
import java.util.Comparator;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The live board as a table (virtualized: forty rows or four thousand cost the same to draw),
 * with filters above it. Sorted by the user's column choice, stalest first until they choose.
 * A snapshot changes rows in place, so the selection and the scroll position stay.
 */
final class BoardView {
    private final VBox root = new VBox(8);
    private final TableView<BoardItem> table = new TableView<>();
    /** "41 open or queued · 7 stale · 41 shown": the console's header shows it, where there is room. */
    private final Label summary;

    BoardView(BoardViewModel vm, Language language) {
        SortedList<BoardItem> sorted = new SortedList<>(vm.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("board-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
                Label empty = new Label();
        empty.textProperty().bind(language.text("sup.board.empty"));
        table.setPlaceholder(empty);

        TableColumn<BoardItem, BoardItem.Line> customer = Columns.column(language, "sup.col.customer", "col-customer",
                BoardItem::lineProperty, (l, m) -> l.row().conversation().customer().name(),
                Comparator.comparing(l -> l.row().conversation().customer().name().toLowerCase(Locale.ROOT)));
        TableColumn<BoardItem, BoardItem.Line> agent = Columns.column(language, "sup.col.agent", "col-agent",
                BoardItem::lineProperty, (l, m) -> l.row().conversation().assignee() == null ? m.get("sup.unassigned")
                        : l.row().conversation().assignee(),
                Comparator.comparing(l -> l.row().conversation().assignee() == null ? ""
                        : l.row().conversation().assignee()));
        TableColumn<BoardItem, BoardItem.Line> team = Columns.column(language, "sup.col.team", "col-team",
                BoardItem::lineProperty, (l, m) -> l.row().team() == null ? "—" : l.row().team(),
                Comparator.comparing(l -> l.row().team() == null ? "" : l.row().team()));
        TableColumn<BoardItem, BoardItem.Line> state = Columns.column(language, "sup.col.state", "col-state",
                BoardItem::lineProperty, (l, m) -> stateWords(l.row().conversation().status(), language),
                Comparator.comparing(l -> l.row().conversation().status()));
        TableColumn<BoardItem, BoardItem.Line> waiting = Columns.column(language, "sup.col.waiting", "col-waiting",
                BoardItem::lineProperty, (l, m) -> l.waitingMillis() < 0 ? "" : SupervisionWords.duration(
                        l.waitingMillis(), m), Comparator.comparingLong(BoardItem.Line::waitingMillis));
        TableColumn<BoardItem, BoardItem.Line> activity = Columns.column(language, "sup.col.lastActivity",
                "col-activity", BoardItem::lineProperty, (l, m) -> m.get("sup.lastActivity",
                        SupervisionWords.duration(l.idleMillis(), m), SupervisionWords.lastActivityBy(
                                l.row().conversation().lastActivityBy(), l.row().lastActivityUser(), m)),
                Comparator.comparingLong(BoardItem.Line::idleMillis));
        TableColumn<BoardItem, BoardItem.Line> stale = Columns.column(language, "sup.col.stale", "col-stale",
                BoardItem::lineProperty, (l, m) -> SupervisionWords.staleness(l.row().staleness(), m),
                Comparator.comparingLong(l -> SupervisionWords.staleRank(l.row().staleness())));
        stale.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns().addAll(java.util.List.of(customer, agent, team, state, waiting, activity, stale));
        table.getSortOrder().add(stale);
        Columns.followLanguage(table, language);
        keepSelection(sorted);

        Label summary = new Label();
        summary.setId("board-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(Bindings.createStringBinding(() -> language.messages().get("sup.board.summary",
                vm.items().size(), vm.staleProperty().get(), vm.shown().size()), vm.items(), vm.shown(),
                vm.staleProperty(), language.messagesProperty()));
        summary.setMinWidth(Region.USE_PREF_SIZE);
        Columns.sizeInEm(summary, table, 10, 5.5, 5, 6.5, 6, 13, 13);

        this.summary = summary;
        HBox filters = new HBox(8, teamFilter(vm, language), agentFilter(vm, language), stateFilter(vm, language),
                stalenessFilter(vm, language));
        filters.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(filters, table);
        root.setPadding(new Insets(8, 0, 0, 0));
    }

    /**
     * A conversation whose facts changed is taken out and put back in its new place by the sorted
     * list, and the table forgets it was selected: select it again by identity.
     */
    private void keepSelection(SortedList<BoardItem> sorted) {
        BoardItem[] chosen = new BoardItem[1];
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                chosen[0] = now;
            }
        });
        sorted.addListener((ListChangeListener<BoardItem>) change -> {
            BoardItem was = chosen[0];
            if (was != null && table.getSelectionModel().getSelectedItem() != was) {
                int at = sorted.indexOf(was);
                if (at >= 0) {
                    table.getSelectionModel().select(at);
                } else {
                    chosen[0] = null;
                }
            }
        });
    }

    /** The board's short words for a state ("Queued"), where the workspace says "Waiting in the queue". */
    private static String stateWords(ConversationStatus status, Language language) {
        return language.messages().get("sup.state." + status.name().toLowerCase(Locale.ROOT));
    }

    private static ComboBox<String> teamFilter(BoardViewModel vm, Language language) {
        return choice(vm.teams(), "sup.filter.anyTeam", language, "board-filter-team",
                t -> vm.filterProperty().set(vm.filterProperty().get().withTeam(t)));
    }

    private static ComboBox<String> agentFilter(BoardViewModel vm, Language language) {
        return choice(vm.agents(), "sup.filter.anyAgent", language, "board-filter-agent",
                a -> vm.filterProperty().set(vm.filterProperty().get().withAgent(a)));
    }

    /** A choice of names with "all" first (the empty string); picking it clears that filter. */
    private static ComboBox<String> choice(ObservableList<String> names, String allKey, Language language, String id,
                                           java.util.function.Consumer<String> onPick) {
        ObservableList<String> options = FXCollections.observableArrayList("");
        options.addAll(names);
        ComboBox<String> box = new ComboBox<>(options);
        names.addListener((ListChangeListener<String>) c -> {
            // The choice stays while its name is still there; a name gone means "all" again.
            String chosen = box.getValue();
            options.setAll("");
            options.addAll(names);
            box.getSelectionModel().select(chosen != null && options.contains(chosen) ? chosen : "");
        });
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null || name.isEmpty() ? language.messages().get(allKey) : name;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        box.setButtonCell(labelled(box.getConverter()));
        box.setCellFactory(l -> labelled(box.getConverter()));
        box.getSelectionModel().select(0);
        box.valueProperty().addListener((obs, old, now) -> onPick.accept(now == null || now.isEmpty() ? null : now));
        relabelOnSwitch(box, language);
        return box;
    }

    private static ComboBox<ConversationStatus> stateFilter(BoardViewModel vm, Language language) {
        ComboBox<ConversationStatus> box = new ComboBox<>(FXCollections.observableArrayList(
                ConversationStatus.ASSIGNED, ConversationStatus.QUEUED, ConversationStatus.AWAITING_RESTORE));
        box.setId("board-filter-state");
        box.getItems().add(0, null);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConversationStatus s) {
                return s == null ? language.messages().get("sup.filter.anyState") : stateWords(s, language);
            }

            @Override
            public ConversationStatus fromString(String text) {
                return null;
            }
        });
        box.setButtonCell(labelled(box.getConverter()));
        box.setCellFactory(l -> labelled(box.getConverter()));
        box.valueProperty().addListener((obs, old, now) -> vm.filterProperty().set(
                vm.filterProperty().get().withState(now)));
        relabelOnSwitch(box, language);
        return box;
    }

    private static ComboBox<BoardFilter.Staleness> stalenessFilter(BoardViewModel vm, Language language) {
        ComboBox<BoardFilter.Staleness> box = new ComboBox<>(FXCollections.observableArrayList(
                BoardFilter.Staleness.values()));
        box.setId("board-filter-stale");
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(BoardFilter.Staleness s) {
                return language.messages().get("sup.filter.stale." + (s == null ? BoardFilter.Staleness.ANY : s)
                        .name().toLowerCase(Locale.ROOT));
            }

            @Override
            public BoardFilter.Staleness fromString(String text) {
                return null;
            }
        });
        box.setButtonCell(labelled(box.getConverter()));
        box.setCellFactory(l -> labelled(box.getConverter()));
        box.getSelectionModel().select(BoardFilter.Staleness.ANY);
        box.valueProperty().addListener((obs, old, now) -> vm.filterProperty().set(
                vm.filterProperty().get().withStaleness(now)));
        relabelOnSwitch(box, language);
        return box;
    }

    /** The null choice ("all") needs a cell that words it; the default cell shows nothing for null. */
    private static <T> ListCell<T> labelled(StringConverter<T> words) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? words.toString(null) : words.toString(item));
            }
        };
    }

    /**
     * A combo box words its shown choice once: a new button cell words it again after a language
     * switch. Its width is measured once too, so it is set in em, wide enough for either language.
     */
    private static <T> void relabelOnSwitch(ComboBox<T> box, Language language) {
        box.setStyle("-fx-pref-width: 13em;");
        box.setMinWidth(Region.USE_PREF_SIZE);
        language.messagesProperty().addListener((obs, old, now) -> box.setButtonCell(labelled(box.getConverter())));
    }

    Label summary() {
        return summary;
    }

    Node root() {
        return root;
    }
}
