package dev.holdfast.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.holdfast.ui.i18n.Language;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Where the reply is written: Enter sends, Shift+Enter starts a new line. A reply starting with
 * "/" opens the list of matching canned responses just above it: Up and Down choose, Enter or Tab
 * puts the chosen one in place of the "/query", Esc closes the list.
 */
public final class ComposerView {
    private final VBox root;
    private final TextArea input = new TextArea();
    private final ListView<CannedResponse> canned;

    public ComposerView(ComposerViewModel vm, Language language) {
        canned = cannedList(vm);
        input.setId("composer");
        input.promptTextProperty().bind(language.text("composer.prompt"));
        input.setWrapText(true);
        input.setPrefRowCount(3);
        input.textProperty().bindBidirectional(vm.textProperty());
        // A closed or queued conversation keeps its draft visible but takes no reply.
        input.disableProperty().bind(vm.canReply().not());
        input.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!vm.suggestions().isEmpty() && pick(vm, e.getCode())) {
                e.consume();
                return;
            }
            if (e.getCode() != KeyCode.ENTER) {
                return;
            }
            e.consume();
            if (e.isShiftDown()) {
                input.replaceSelection("\n");
            } else {
                vm.send();
            }
        });

        Button send = new Button();
        send.textProperty().bind(language.text("composer.send"));
        send.setId("composer-send");
        send.setMinWidth(Region.USE_PREF_SIZE); // never squeezed to "…" by a narrow column
        send.getStyleClass().add(Styles.ACCENT);
        send.disableProperty().bind(vm.canReply().not());
        send.setOnAction(e -> vm.send());

        Label notice = new Label();
        notice.setId("composer-notice");
        notice.getStyleClass().add(Styles.TEXT_MUTED);
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        HBox line = new HBox(8, input, send);
        line.setAlignment(Pos.BOTTOM_RIGHT);
        HBox.setHgrow(input, Priority.ALWAYS);
        root = new VBox(4, notice, error, canned, line);
        root.setPadding(new Insets(8));
    }

    private static ListView<CannedResponse> cannedList(ComposerViewModel vm) {
        ListView<CannedResponse> list = new ListView<>(vm.suggestions());
        list.setId("composer-canned");
        list.getStyleClass().addAll("canned-list", Styles.DENSE);
        list.setFocusTraversable(false);
        list.setFixedCellSize(44);
        // At most five rows; fewer responses make a shorter list.
        list.prefHeightProperty().bind(Bindings.min(5, Bindings.size(vm.suggestions())).multiply(44).add(4));
        list.setMaxHeight(Region.USE_PREF_SIZE);
        list.visibleProperty().bind(Bindings.isNotEmpty(vm.suggestions()));
        list.managedProperty().bind(list.visibleProperty());
        list.setCellFactory(l -> new CannedCell());
        vm.suggestions().addListener((ListChangeListener<CannedResponse>) c -> {
            if (!vm.suggestions().isEmpty()) {
                list.getSelectionModel().select(0);
                list.scrollTo(0);
            }
        });
        list.setOnMouseClicked(e -> {
            CannedResponse chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                vm.insert(chosen);
            }
        });
        return list;
    }

    /** Keys that work the canned response list while it is open; true when the key was used. */
    private boolean pick(ComposerViewModel vm, KeyCode key) {
        var selection = canned.getSelectionModel();
        switch (key) {
            case UP -> selection.select(Math.max(0, selection.getSelectedIndex() - 1));
            case DOWN -> selection.select(Math.min(vm.suggestions().size() - 1, selection.getSelectedIndex() + 1));
            case ENTER, TAB -> {
                CannedResponse chosen = selection.getSelectedItem();
                if (chosen == null) {
                    return false;
                }
                vm.insert(chosen);
                input.positionCaret(input.getLength());
                return true;
            }
            case ESCAPE -> vm.dismissSuggestions();
            default -> {
                return false;
            }
        }
        canned.scrollTo(Math.max(0, selection.getSelectedIndex() - 2));
        return true;
    }

    /** A canned response in the list: its title, and the start of its words. */
    private static final class CannedCell extends ListCell<CannedResponse> {
        private final Label title = new Label();
        private final Label words = new Label();
        private final VBox lines = new VBox(title, words);

        CannedCell() {
            title.getStyleClass().add(Styles.TEXT_BOLD);
            words.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            words.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            words.setMaxWidth(Double.MAX_VALUE);
            lines.setMinWidth(0);
            // Ask for no width of its own: the list's width decides, and long words end in "…".
            setPrefWidth(0);
            setText(null);
        }

        @Override
        protected void updateItem(CannedResponse item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            title.setText(item.title() + "  /" + item.id());
            words.setText(item.text());
            setGraphic(lines);
        }
    }

    /** Puts the caret in the reply box (Ctrl+L). */
    public void focus() {
        input.requestFocus();
    }

    public Node root() {
        return root;
    }
}
