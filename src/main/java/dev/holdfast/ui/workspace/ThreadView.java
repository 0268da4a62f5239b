package dev.holdfast.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.ui.components.DeliveryIcon;
import dev.holdfast.ui.i18n.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The open conversation as bubbles (theirs left, mine right) and centred system lines. */
public final class ThreadView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final ListView<MessageItem> list;
    private final ThreadViewModel vm;
    private final Language language;

    public ThreadView(ThreadViewModel vm, Language language) {
        this.vm = vm;
        this.language = language;
        list = new ListView<>(vm.items());
        list.setId("thread");
        list.getStyleClass().add("thread");
        Label placeholder = new Label();
        placeholder.textProperty().bind(language.text("thread.empty"));
        list.setPlaceholder(placeholder);
        // Lines are worded when drawn: a language switch draws them again.
        language.messagesProperty().addListener((obs, old, now) -> list.refresh());
        list.setCellFactory(l -> new Line());
        list.setFocusTraversable(false);
        // Follow the conversation: a new line scrolls into view.
        vm.items().addListener((ListChangeListener<MessageItem>) c -> {
            if (!vm.items().isEmpty()) {
                list.scrollTo(vm.items().size() - 1);
            }
        });
    }

    public Node root() {
        return list;
    }

    private Button button(String key) {
        Button b = new Button();
        b.textProperty().bind(language.text(key));
        return b;
    }

    private final class Line extends ListCell<MessageItem> {
        private final Label author = new Label();
        private final Label text = new Label();
        private final Label time = new Label();
        private final DeliveryIcon delivery = new DeliveryIcon(language);
        private final Button retry = button("thread.retry");
        private final Button discard = button("thread.discard");
        private final HBox actions = new HBox(6, retry, discard);
        private final HBox meta = new HBox(6, time, delivery);
        private final VBox bubble = new VBox(3, author, text, meta, actions);
        private final HBox row = new HBox(bubble);
        private final Label system = new Label();

        Line() {
            author.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
            text.setWrapText(true);
            text.getStyleClass().add("bubble-text");
            time.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            meta.setAlignment(Pos.CENTER_RIGHT);
            retry.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
            discard.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
            retry.setOnAction(e -> vm.retry(getItem()));
            discard.setOnAction(e -> vm.discard(getItem()));
            bubble.getStyleClass().add("bubble");
            bubble.setMaxWidth(Region.USE_PREF_SIZE);
            system.getStyleClass().addAll("system-line", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            system.setWrapText(true);
            row.setFillHeight(false);
            setText(null);
            // Bubbles wrap at about two thirds of the thread's width.
            text.maxWidthProperty().bind(list.widthProperty().multiply(0.62));
        }

        @Override
        protected void updateItem(MessageItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            if (!item.isMessage()) {
                system.setText(systemText(item) + " · " + TIME.format(Instant.ofEpochMilli(item.at())));
                HBox centred = new HBox(system);
                centred.setAlignment(Pos.CENTER);
                setGraphic(centred);
                return;
            }
            boolean mine = item.mine();
            author.setText(mine ? language.messages().get("thread.you") : item.authorName());
            text.setText(item.text());
            time.setText(TIME.format(Instant.ofEpochMilli(item.at())));
            delivery.show(item.delivery(), item.reason());
            boolean needsAction = item.delivery() == DeliveryState.NEEDS_ACTION;
            actions.setVisible(needsAction);
            actions.setManaged(needsAction);
            bubble.getStyleClass().removeAll("bubble-mine", "bubble-theirs", "bubble-agent");
            bubble.getStyleClass().add(mine ? "bubble-mine"
                    : item.authorKind() == AuthorKind.AGENT ? "bubble-agent" : "bubble-theirs");
            row.setAlignment(mine ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            setGraphic(row);
        }

        private String systemText(MessageItem item) {
            String who = item.subject() == null ? "" : item.subject();
            return switch (item.kind()) {
                case OPENED -> language.messages().get("system.opened", who);
                case ASSIGNED -> language.messages().get("system.assigned", who);
                case TRANSFERRED -> language.messages().get("system.transferred", who);
                case QUEUED -> language.messages().get("system.queued");
                case CLOSED -> language.messages().get("system.closed");
                case REOPENED -> language.messages().get("system.reopened");
                case RESTORED -> language.messages().get("system.restored");
                case MESSAGE -> item.text();
            };
        }
    }
}
