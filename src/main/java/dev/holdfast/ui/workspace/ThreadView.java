package dev.holdfast.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.ui.components.DeliveryIcon;
import dev.holdfast.ui.i18n.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The open conversation as bubbles (theirs left, mine right) and centred system lines, with a
 * separator where the day changes and a "New messages" line where the customer's unread words
 * start. It follows new lines only when the agent is at the bottom; scrolled up, a floating
 * "↓ N new" button says what came in. Reaching the top reads the previous page, keeping the line
 * that was on top where it was. Under the thread: "María is typing…".
 */
public final class ThreadView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final ListView<MessageItem> list;
    private final ThreadViewModel vm;
    private final Language language;
    private final LongSupplier clock;
    private final ZoneId zone = ZoneId.systemDefault();
    private final VBox root;
    /** The list's scrolling part, once its skin exists; null before. FX thread. */
    private VirtualFlow<?> flow;
    /** The flow reached position 0: see after the layout pass whether the top line is on screen. FX thread. */
    private boolean checkTop;
    /** Measures every line again; held here because the root's listener holds it weakly. */
    private final InvalidationListener textSizeChanged;
    /** The day the day separators were last worded for. FX thread. */
    private LocalDate drawnOn;
    /** A line to scroll to once the list has been laid out, -1 for none. FX thread. */
    private int scrollTarget = -1;
    /** Whether that line is the last one, to be shown whole at the bottom. FX thread. */
    private boolean bottomAfterLayout;

    /** @param clock epoch millis now: "Today", and the countdown of a message's next attempt */
    public ThreadView(ThreadViewModel vm, Language language, LongSupplier clock) {
        this.vm = vm;
        this.language = language;
        this.clock = clock;
        list = new ListView<>(vm.items());
        list.setId("thread");
        list.getStyleClass().add("thread");
        Label placeholder = new Label();
        placeholder.textProperty().bind(language.text("thread.empty"));
        list.setPlaceholder(placeholder);
        // Lines are worded when drawn: a language switch draws them again.
        language.messagesProperty().addListener((obs, old, now) -> list.refresh());
        vm.newMarkerKeyProperty().addListener((obs, old, now) -> list.refresh());
        // "Today" becomes "Yesterday" at midnight: checked once a minute while on screen.
        drawnOn = today();
        Timeline midnight = new Timeline(new KeyFrame(Duration.minutes(1), e -> {
            LocalDate now = today();
            if (!now.equals(drawnOn)) {
                drawnOn = now;
                list.refresh();
            }
        }));
        midnight.setCycleCount(Animation.INDEFINITE);
        list.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                midnight.stop();
            } else {
                midnight.play();
            }
        });
        list.setCellFactory(l -> new Line());
        textSizeChanged = o -> list.refresh();
        list.setFocusTraversable(false);
        vm.setAtBottom(this::atBottom);
        vm.items().addListener(this::follow);
        list.skinProperty().addListener((obs, old, skin) -> watchScrolling());
        Runnable afterLayout = this::afterLayout;
        list.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(afterLayout);
                // The text size is the root's font size: the list keeps each line's height once
                // measured, so a bubble that now needs two lines would be cut short.
                scene.getRoot().styleProperty().addListener(new WeakInvalidationListener(textSizeChanged));
            }
        });

        Button newBelow = new Button();
        newBelow.setId("thread-new-below");
        newBelow.textProperty().bind(Bindings.createStringBinding(
                () -> language.messages().get("thread.newBelow", vm.newBelowProperty().get()),
                language.messagesProperty(), vm.newBelowProperty()));
        newBelow.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT, Styles.ROUNDED, "new-below");
        newBelow.visibleProperty().bind(vm.newBelowProperty().greaterThan(0));
        newBelow.setOnAction(e -> {
            showFully(vm.items().size() - 1);
            vm.reachedBottom();
        });
        StackPane.setAlignment(newBelow, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(newBelow, new Insets(0, 24, 12, 0));
        StackPane thread = new StackPane(list, newBelow);

        Label typing = new Label();
        typing.setId("thread-typing");
        typing.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "typing-line");
        typing.textProperty().bind(Bindings.createStringBinding(
                () -> vm.typingProperty().get().isEmpty() ? ""
                        : language.messages().get("thread.typing", vm.typingProperty().get()),
                language.messagesProperty(), vm.typingProperty()));
        typing.visibleProperty().bind(vm.typingProperty().isNotEmpty());
        typing.managedProperty().bind(typing.visibleProperty());

        root = new VBox(thread, typing);
        VBox.setVgrow(thread, Priority.ALWAYS);
    }

    public Node root() {
        return root;
    }

    private LocalDate today() {
        return Instant.ofEpochMilli(clock.getAsLong()).atZone(zone).toLocalDate();
    }

    /**
     * A thread just opened shows its newest lines, or where the new ones start; later lines are
     * followed only when the agent was at the bottom.
     */
    private void follow(ListChangeListener.Change<? extends MessageItem> c) {
        int size = vm.items().size();
        boolean replacedAll = false;
        int appended = 0;
        while (c.next()) {
            if (c.wasAdded() && c.getAddedSize() == size) {
                replacedAll = true; // setAll: a thread opened or read again
            } else if (c.wasAdded() && !c.wasRemoved() && c.getTo() == size) {
                appended += c.getAddedSize();
            }
        }
        if (size == 0) {
            return;
        }
        if (replacedAll) {
            int marker = markerIndex();
            if (marker > 0) {
                scrollAfterLayout(marker - 1); // the last line already read, then the marker
            } else {
                scrollToBottom();
            }
        } else if (appended > 0 && wasAtBottom(size - appended)) {
            scrollToBottom();
        }
    }

    private int markerIndex() {
        String key = vm.newMarkerKeyProperty().get();
        if (key == null) {
            return -1;
        }
        for (int i = vm.items().size() - 1; i >= 0; i--) { // once per opened thread, and near the end
            if (vm.items().get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private void scrollToBottom() {
        if (!vm.items().isEmpty()) {
            scrollAfterLayout(vm.items().size() - 1);
            bottomAfterLayout = true;
        }
    }

    /**
     * The line wholly on screen: the list's own scrollTo puts a line at the top, which for the last
     * line of lines of different heights may leave it just below the edge.
     */
    private void showFully(int index) {
        if (index < 0) {
            return;
        }
        if (flow != null) {
            flow.scrollTo(index);
        } else {
            list.scrollTo(index);
        }
    }

    /**
     * Scrolls once the list has been laid out with its new length: asked right after a change, the
     * flow still counts the old lines, and its next layout moves it back to the top.
     */
    private void scrollAfterLayout(int index) {
        scrollTarget = index;
        bottomAfterLayout = false;
        list.requestLayout();
    }

    private boolean atBottom() {
        return wasAtBottom(vm.items().size());
    }

    /** Whether the last of {@code size} lines is (at least partly) on screen, as last laid out. */
    private boolean wasAtBottom(int size) {
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        return last == null || last.getIndex() >= size - 1;
    }

    private void watchScrolling() {
        flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
        if (flow == null) {
            return;
        }
        flow.positionProperty().addListener((obs, old, now) -> {
            if (now.doubleValue() <= 0 && old.doubleValue() > 0) {
                // Judged after the layout pass: while the list is being laid out after a change the
                // flow passes through position 0 on its way to where it is going.
                checkTop = true;
            } else if (now.doubleValue() >= 1 && vm.newBelowProperty().get() > 0) {
                vm.reachedBottom();
            }
        });
    }

    private void afterLayout() {
        if (scrollTarget >= 0) {
            int target = Math.min(scrollTarget, vm.items().size() - 1);
            if (bottomAfterLayout) {
                showFully(target);
            } else {
                list.scrollTo(target);
            }
            scrollTarget = -1;
            bottomAfterLayout = false;
            checkTop = false; // the position passed 0 on the way, not by the agent's hand
            return;
        }
        if (!checkTop || flow == null) {
            return;
        }
        checkTop = false;
        IndexedCell<?> first = flow.getFirstVisibleCell();
        if (flow.getPosition() <= 0 && first != null && first.getIndex() == 0) {
            // Keeps the line that was on top on top once the older page sits above it.
            vm.loadOlder(this::scrollAfterLayout);
        }
    }

    private Button button(String key) {
        Button b = new Button();
        b.textProperty().bind(language.text(key));
        return b;
    }

    private static Label separator(String styleClass) {
        Label words = new Label();
        words.getStyleClass().addAll(styleClass, Styles.TEXT_SMALL);
        words.setMinWidth(Region.USE_PREF_SIZE);
        return words;
    }

    /** A rule across the thread with words in the middle: the day, or "New messages". */
    private static HBox ruled(Label words, String styleClass) {
        Region left = new Region();
        Region right = new Region();
        left.getStyleClass().add("rule");
        right.getStyleClass().add("rule");
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox line = new HBox(8, left, words, right);
        line.setAlignment(Pos.CENTER);
        line.getStyleClass().add(styleClass);
        return line;
    }

    private final class Line extends ListCell<MessageItem> {
        private final Label author = new Label();
        private final Label text = new Label();
        private final Label time = new Label();
        private final DeliveryIcon delivery = new DeliveryIcon(language, clock);
        private final Button retry = button("thread.retry");
        private final Button discard = button("thread.discard");
        private final HBox actions = new HBox(6, retry, discard);
        private final HBox meta = new HBox(6, time, delivery);
        private final VBox bubble = new VBox(3, author, text, meta, actions);
        private final HBox row = new HBox(bubble);
        private final Label system = new Label();
        private final HBox centred = new HBox(system);
        private final Label dayWords = separator("day-separator-text");
        private final HBox day = ruled(dayWords, "day-separator");
        private final Label newWords = separator("new-marker-text");
        private final HBox newMarker = ruled(newWords, "new-marker");
        private final VBox content = new VBox(4);

        Line() {
            author.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
            text.setWrapText(true);
            // Never shorter than its wrapped lines: without it the cell is measured for one line
            // and a long message is cut to "…".
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.getStyleClass().add("bubble-text");
            time.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            meta.setAlignment(Pos.CENTER_RIGHT);
            retry.getStyleClass().addAll(Styles.SMALL, Styles.ACCENT);
            retry.setId("thread-retry");
            discard.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
            discard.setId("thread-discard");
            retry.setOnAction(e -> vm.retry(getItem()));
            discard.setOnAction(e -> vm.discard(getItem()));
            bubble.getStyleClass().add("bubble");
            bubble.setMaxWidth(Region.USE_PREF_SIZE);
            system.getStyleClass().addAll("system-line", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            system.setWrapText(true);
            system.setMinHeight(Region.USE_PREF_SIZE);
            centred.setAlignment(Pos.CENTER);
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
            // The cell's nodes are re-parented, and their styles recomputed, only when the line's
            // shape changes: in a burst every visible cell is updated on every frame.
            List<Node> parts = new ArrayList<>(3);
            int index = getIndex();
            if (index == 0 || index > 0 && index < vm.items().size()
                    && DayLabel.differentDays(vm.items().get(index - 1).at(), item.at(), zone)) {
                dayWords.setText(DayLabel.of(item.at(), today(), zone, language.messages()));
                parts.add(day);
            }
            if (item.key().equals(vm.newMarkerKeyProperty().get())) {
                newWords.setText(language.messages().get("thread.newMessages"));
                parts.add(newMarker);
            }
            parts.add(item.isMessage() ? message(item) : systemLine(item));
            if (!content.getChildren().equals(parts)) {
                content.getChildren().setAll(parts);
            }
            setGraphic(content);
        }

        private Node systemLine(MessageItem item) {
            system.setText(systemText(item) + " · " + TIME.format(Instant.ofEpochMilli(item.at())));
            return centred;
        }

        private Node message(MessageItem item) {
            boolean mine = item.mine();
            author.setText(mine ? language.messages().get("thread.you") : item.authorName());
            text.setText(item.text());
            time.setText(TIME.format(Instant.ofEpochMilli(item.at())));
            delivery.show(item.delivery(), item.reason(), item.nextAttemptAt());
            boolean needsAction = item.delivery() == DeliveryState.NEEDS_ACTION;
            actions.setVisible(needsAction);
            actions.setManaged(needsAction);
            String look = mine ? "bubble-mine" : item.authorKind() == AuthorKind.AGENT ? "bubble-agent" : "bubble-theirs";
            if (!bubble.getStyleClass().contains(look)) {
                bubble.getStyleClass().removeAll("bubble-mine", "bubble-theirs", "bubble-agent");
                bubble.getStyleClass().add(look);
            }
            row.setAlignment(mine ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            return row;
        }

        private String systemText(MessageItem item) {
            String who = item.subject() == null ? "" : item.subject();
            return switch (item.kind()) {
                case OPENED -> language.messages().get("system.opened", who);
                case ASSIGNED -> language.messages().get("system.assigned", who);
                case TRANSFERRED -> language.messages().get("system.transferred", who);
                case QUEUED -> language.messages().get("system.queued");
                case CLOSED -> item.reason() == null || item.reason().isBlank()
                        ? language.messages().get("system.closed")
                        : language.messages().get("system.closedBecause", item.reason());
                case REOPENED -> language.messages().get("system.reopened");
                case RESTORED -> language.messages().get("system.restored");
                case MESSAGE -> item.text();
            };
        }
    }
}
