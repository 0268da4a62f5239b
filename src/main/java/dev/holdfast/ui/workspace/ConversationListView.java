package dev.holdfast.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.holdfast.ui.i18n.Language;
import java.util.function.LongSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
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

/** Mine and Queue, each a virtualized list: only the visible rows are drawn, however many there are. */
public final class ConversationListView {
    private final TabPane root = new TabPane();
    private final ConversationListViewModel vm;
    private final Language language;
    private final LongSupplier clock;
    private final ListView<ConversationItem> mineList;
    private final ListView<ConversationItem> queueList;

    public ConversationListView(ConversationListViewModel vm, Language language, LongSupplier clock) {
        this.vm = vm;
        this.language = language;
        this.clock = clock;
        mineList = list(vm.mine(), false, "list.empty.mine");
        mineList.setId("list-mine");
        queueList = list(vm.queue(), true, "list.empty.queue");
        queueList.setId("list-queue");
        Tab mine = new Tab(null, mineList);
        Tab queue = new Tab(null, queueList);
        mine.setId("tab-mine");
        queue.setId("tab-queue");
        mine.setClosable(false);
        queue.setClosable(false);
        root.getTabs().addAll(mine, queue);
        mine.textProperty().bind(counted("list.mine", vm.mine()));
        queue.textProperty().bind(counted("list.queue", vm.queue()));
        // Rows are worded when drawn: a language switch draws them again.
        language.messagesProperty().addListener((obs, old, now) -> {
            mineList.refresh();
            queueList.refresh();
        });
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setMinWidth(240);
        root.setPrefWidth(300);
        // Waiting times move on even when nothing else happens.
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(5), e -> {
            mineList.refresh();
            queueList.refresh();
        }));
        tick.setCycleCount(Animation.INDEFINITE);
        tick.play();
    }

    private ListView<ConversationItem> list(ObservableList<ConversationItem> items, boolean queue, String emptyKey) {
        ListView<ConversationItem> list = new ListView<>(items);
        Label placeholder = new Label();
        placeholder.textProperty().bind(language.text(emptyKey));
        list.setPlaceholder(placeholder);
        list.setCellFactory(l -> new Row(queue));
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
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
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).id().equals(id)) {
                list.getSelectionModel().select(i);
                return;
            }
        }
    }

    /** "Mine (3)": the tab's name in the current language and how many it holds. */
    private javafx.beans.binding.StringBinding counted(String key, ObservableList<ConversationItem> items) {
        return javafx.beans.binding.Bindings.createStringBinding(
                () -> language.messages().get(key) + " (" + items.size() + ")", language.messagesProperty(), items);
    }

    public Node root() {
        return root;
    }

    /** Opens the conversation {@code step} rows below (or above, when negative) in the open tab. */
    public void move(int step) {
        ListView<ConversationItem> list = root.getSelectionModel().getSelectedIndex() == 1 ? queueList : mineList;
        int size = list.getItems().size();
        if (size == 0) {
            return;
        }
        int at = list.getSelectionModel().getSelectedIndex();
        int next = at < 0 ? (step > 0 ? 0 : size - 1) : Math.max(0, Math.min(size - 1, at + step));
        list.getSelectionModel().select(next);
        list.scrollTo(next);
    }

    private final class Row extends ListCell<ConversationItem> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final Label unread = new Label();
        private final Button take = new Button();
        private final HBox box;

        Row(boolean queue) {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            unread.getStyleClass().add("unread-badge");
            take.textProperty().bind(language.text("list.take"));
            take.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
            take.setOnAction(e -> {
                if (getItem() != null) {
                    vm.take(getItem());
                }
            });
            Region spring = new Region();
            HBox.setHgrow(spring, Priority.ALWAYS);
            VBox text = new VBox(2, name, detail);
            box = new HBox(8, text, spring, unread);
            if (queue) {
                box.getChildren().add(take);
            }
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
        }

        @Override
        protected void updateItem(ConversationItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.customerName());
            Long since = item.waitingSince();
            detail.setText(since == null ? item.summary().customer().language().toUpperCase(java.util.Locale.ROOT)
                    : language.messages().get("list.waiting",
                    WaitingTime.format(clock.getAsLong() - since, language.messages())));
            unread.setText(Integer.toString(item.unread()));
            unread.setVisible(item.unread() > 0);
            unread.setManaged(item.unread() > 0);
            setGraphic(box);
        }
    }
}
