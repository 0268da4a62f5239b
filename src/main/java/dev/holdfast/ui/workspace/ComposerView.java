package dev.holdfast.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.holdfast.ui.i18n.Language;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Where the reply is written: Enter sends, Shift+Enter starts a new line. */
public final class ComposerView {
    private final VBox root;
    private final TextArea input = new TextArea();

    public ComposerView(ComposerViewModel vm, Language language) {
        input.setId("composer");
        input.promptTextProperty().bind(language.text("composer.prompt"));
        input.setWrapText(true);
        input.setPrefRowCount(3);
        input.textProperty().bindBidirectional(vm.textProperty());
        input.disableProperty().bind(vm.conversationIdProperty().isNull());
        input.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
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
        send.getStyleClass().add(Styles.ACCENT);
        send.disableProperty().bind(vm.conversationIdProperty().isNull());
        send.setOnAction(e -> vm.send());

        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        HBox line = new HBox(8, input, send);
        line.setAlignment(Pos.BOTTOM_RIGHT);
        HBox.setHgrow(input, Priority.ALWAYS);
        root = new VBox(4, error, line);
        root.setPadding(new Insets(8));
    }

    /** Puts the caret in the reply box (Ctrl+L). */
    public void focus() {
        input.requestFocus();
    }

    public Node root() {
        return root;
    }
}
