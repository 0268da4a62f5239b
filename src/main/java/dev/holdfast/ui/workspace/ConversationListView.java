package dev.holdfast.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.holdfast.ui.i18n.Messages;
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
    private final Messages messages;
    private final LongSupplier clock;
    private final ListView<ConversationItem> mineList;
    private final ListView<ConversationItem> queueList;

    public ConversationListView(ConversationListViewModel vm, Messages messages, LongSupplier clock) {
        this.vm = vm;
        this.messages = messages;
        this.clock = clock;
        mineList = list(vm.mine(), false, messages.get("list.empty.mine"));
        mineList.setId("list-mine");
        queueList = list(vm.queue(), true, messages.get("list.empty.queue"));
        queueList.setId("list-queue");
        Tab mine = new Tab(messages.get("list.mine"), mineList);
        Tab queue = new Tab(messages.get("list.queue"), queueList);
        mine.setId("tab-mine");
        queue.setId("tab-queue");
        mine.setClosable(false);
        queue.setClosable(false);
        root.getTabs().addAll(mine, queue);
        mine.textProperty().bind(javafx.beans.binding.Bindings.size(vm.mine())
                .asString(messages.get("list.mine") + " (%d)"));
        queue.textProperty().bind(javafx.beans.binding.Bindings.size(vm.queue())
                .asString(messages.get("list.queue") + " (%d)"));
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

    private ListView<ConversationItem> list(ObservableList<ConversationItem> items, boolean queue, String empty) {
        ListView<ConversationItem> list = new ListView<>(items);
        list.setPlaceholder(new Label(empty));
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

    public Node root() {
        return root;
    }

    private final class Row extends ListCell<ConversationItem> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final Label unread = new Label();
        private final Button take = new Button(messages.get("list.take"));
        private final HBox box;

        Row(boolean queue) {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            unread.getStyleClass().add("unread-badge");
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
                    : messages.get("list.waiting", WaitingTime.format(clock.getAsLong() - since, messages)));
            unread.setText(Integer.toString(item.unread()));
            unread.setVisible(item.unread() > 0);
            unread.setManaged(item.unread() > 0);
            setGraphic(box);
        }
    }
}
