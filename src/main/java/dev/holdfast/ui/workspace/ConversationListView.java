package dev.holdfast.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.holdfast.ui.i18n.Language;
import java.util.function.LongSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The search row over three tabs, Mine, Queue and Closed, each a virtualized list: only the
 * visible rows are drawn, however many there are.
 */
public final class ConversationListView {
    private final TabPane tabs = new TabPane();
    private final VBox root;
    private final ConversationListViewModel vm;
    private final ConversationActions actions;
    private final Language language;
    private final LongSupplier clock;
    /** Counts the seconds; rows listen to reword "waiting 2 min". FX thread. */
    private final IntegerProperty ticks = new SimpleIntegerProperty();
    private final ListView<ConversationItem> mineList;
    private final ListView<ConversationItem> queueList;
    private final ListView<ConversationItem> closedList;
    private final SearchRow search;

    public ConversationListView(ConversationListViewModel vm, ConversationActions actions, Language language,
                                LongSupplier clock) {
        this.vm = vm;
        this.actions = actions;
        this.language = language;
        this.clock = clock;
        mineList = list(vm.mine(), RowKind.MINE, "list.empty.mine");
        mineList.setId("list-mine");
        queueList = list(vm.queue(), RowKind.QUEUE, "list.empty.queue");
        queueList.setId("list-queue");
        closedList = list(vm.closed(), RowKind.CLOSED, "list.empty.closed");
        closedList.setId("list-closed");
        tabs.getTabs().addAll(tab("tab-mine", "list.mine", mineList, vm.mine()),
                tab("tab-queue", "list.queue", queueList, vm.queue()),
                tab("tab-closed", "list.closed", closedList, vm.closed()));
        // Rows are worded when drawn: a language switch draws them again.
        language.messagesProperty().addListener((obs, old, now) -> refreshRows());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("conversation-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        search = new SearchRow(vm, language);
        root = new VBox(search.root(), tabs);
        root.setMinWidth(240);
        root.setPrefWidth(300);
        // Waiting times move on even when nothing else happens: each row rewords its own line,
        // which is cheaper than redrawing every row (a refresh restyles every cell).
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> ticks.set(ticks.get() + 1)));
        tick.setCycleCount(Animation.INDEFINITE);
        // Ticks only while on screen: after a sign-out the old workspace must not be kept alive.
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                tick.stop();
            } else {
                tick.play();
            }
        });
    }

    private Tab tab(String id, String key, ListView<ConversationItem> list, ObservableList<ConversationItem> items) {
        Tab tab = new Tab(null, list);
        tab.setId(id);
        tab.setClosable(false);
        tab.textProperty().bind(counted(key, items));
        return tab;
    }

    private void refreshRows() {
        mineList.refresh();
        queueList.refresh();
        closedList.refresh();
    }

    private ListView<ConversationItem> list(ObservableList<ConversationItem> items, RowKind kind, String emptyKey) {
        ListView<ConversationItem> list = new ListView<>(items);
        Label placeholder = new Label();
        placeholder.textProperty().bind(language.text(emptyKey));
        list.setPlaceholder(placeholder);
        list.setCellFactory(l -> new Row(kind));
        list.setFocusModel(new RowFocusModel<>(list));
        list.setSelectionModel(new RowSelectionModel<>(list));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && !vm.writing()) {
                vm.selectedIdProperty().set(item.id());
            }
        });
        // A row is replaced when its conversation changes; keep the open conversation selected.
        items.addListener((ListChangeListener<ConversationItem>) c -> reselect(list));
        return list;
    }

    private void reselect(ListView<ConversationItem> list) {
        String id = vm.selectedIdProperty().get();
        ConversationItem selected = list.getSelectionModel().getSelectedItem();
        if (id == null || (selected != null && selected.id().equals(id))) {
            return;
        }
        // Asked of the view model, not by walking the rows: this runs on every change of every tab.
        ConversationItem open = vm.find(id);
        if (open != null && vm.shows(list.getItems(), open)) {
            int at = vm.indexIn(list.getItems(), open.id());
            if (at >= 0) {
                list.getSelectionModel().select(at);
                return;
            }
        }
        if (selected != null) {
            // The open conversation left this tab: highlight nothing rather than the neighbour the
            // ListView moved to, which is not the one open.
            list.getSelectionModel().clearSelection();
        }
    }

    /**
     * "Mine (3)": the tab's name in the current language and how many it holds. Follows the count,
     * not the list: a row replaced (every customer message) leaves the title alone.
     */
    private javafx.beans.binding.StringBinding counted(String key, ObservableList<ConversationItem> items) {
        IntegerProperty count = new SimpleIntegerProperty(items.size());
        // Setting the same number invalidates nothing, so the title is only redone when it changes.
        items.addListener((ListChangeListener<ConversationItem>) c -> count.set(items.size()));
        return javafx.beans.binding.Bindings.createStringBinding(
                () -> language.messages().get(key) + " (" + count.get() + ")", language.messagesProperty(), count);
    }

    public Node root() {
        return root;
    }

    public void focusSearch() {
        search.focus();
    }

    /** Opens the conversation {@code step} rows below (or above, when negative) in the open tab. */
    public void move(int step) {
        ListView<ConversationItem> list = switch (tabs.getSelectionModel().getSelectedIndex()) {
            case 1 -> queueList;
            case 2 -> closedList;
            default -> mineList;
        };
        int size = list.getItems().size();
        if (size == 0) {
            return;
        }
        int at = list.getSelectionModel().getSelectedIndex();
        int next = at < 0 ? (step > 0 ? 0 : size - 1) : Math.max(0, Math.min(size - 1, at + step));
        list.getSelectionModel().select(next);
        list.scrollTo(next);
    }

    private enum RowKind { MINE, QUEUE, CLOSED }

    private final class Row extends ListCell<ConversationItem> {
        private final RowKind kind;
        private final Label name = new Label();
        private final Label detail = new Label();
        private final Label unread = new Label();
        private final Button take = new Button();
        private final HBox box;
        /** Held by the row: the tick holds it only weakly, so rows the list drops can go. */
        private final InvalidationListener secondPassed = o -> {
            if (getItem() != null && !isEmpty()) {
                reword(getItem());
            }
        };

        Row(RowKind kind) {
            this.kind = kind;
            name.getStyleClass().add(Styles.TEXT_BOLD);
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            unread.getStyleClass().add("unread-badge");
            take.textProperty().bind(language.text("list.take"));
            take.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
            take.setOnAction(e -> {
                if (getItem() != null) {
                    // Opened first, so what the panel then says (taken, or why not) is about this one.
                    vm.selectedIdProperty().set(getItem().id());
                    actions.take(getItem());
                }
            });
            Region spring = new Region();
            HBox.setHgrow(spring, Priority.ALWAYS);
            VBox text = new VBox(2, name, detail);
            box = new HBox(8, text, spring, unread);
            take.disableProperty().bind(actions.busyProperty());
            if (kind == RowKind.QUEUE) {
                box.getChildren().add(take);
            }
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            ticks.addListener(new WeakInvalidationListener(secondPassed));
            // Every row of a tab is the same height, so the list is told it once: a list of rows of
            // unknown height re-estimates its length over all 10,000 rows whenever one changes.
            // Measured from the first row drawn, and again when the text size changes.
            heightProperty().addListener((obs, old, height) -> {
                ListView<ConversationItem> list = getListView();
                if (list != null && getItem() != null && list.getFixedCellSize() <= 0 && height.doubleValue() > 0) {
                    list.setFixedCellSize(Math.ceil(height.doubleValue()));
                }
            });
            name.fontProperty().addListener((obs, old, font) -> {
                if (getListView() != null) {
                    getListView().setFixedCellSize(Region.USE_COMPUTED_SIZE);
                }
            });
        }

        private void reword(ConversationItem item) {
            Long since = item.waitingSince();
            if (kind == RowKind.CLOSED) {
                detail.setText(language.messages().get("list.closedAgo",
                        WaitingTime.format(clock.getAsLong() - item.summary().lastActivityAt(), language.messages())));
            } else {
                detail.setText(since == null ? item.summary().customer().language().toUpperCase(java.util.Locale.ROOT)
                        : language.messages().get("list.waiting",
                        WaitingTime.format(clock.getAsLong() - since, language.messages())));
            }
        }

        @Override
        protected void updateItem(ConversationItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.customerName());
            reword(item);
            unread.setText(Integer.toString(item.unread()));
            unread.setVisible(item.unread() > 0);
            unread.setManaged(item.unread() > 0);
            setGraphic(box);
        }
    }
}
