package dev.holdfast.ui.workspace;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.StringExpression;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A dialog drawn inside the window over the dimmed workspace (like sign-in-again), not a second
 * window: nothing blocks, and the headless tests see it like any other node. Esc cancels.
 */
final class DialogOverlay {
    private final StackPane root = new StackPane();
    private final VBox card = new VBox(12);

    DialogOverlay(String id, StringExpression heading, Runnable onEscape) {
        Label title = new Label();
        title.textProperty().bind(heading);
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        card.getChildren().add(title);
        card.setId(id);
        card.setPadding(new Insets(24));
        card.setPrefWidth(420);
        card.setMaxWidth(Region.USE_PREF_SIZE);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.getStyleClass().add("login-card");
        root.getStyleClass().add("scrim");
        root.getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        root.setVisible(false);
        root.managedProperty().bind(root.visibleProperty());
        // A filter, not a handler: a list inside the dialog would otherwise take Esc for itself.
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                onEscape.run();
                e.consume();
            }
        });
    }

    void add(Node... parts) {
        card.getChildren().addAll(parts);
    }

    void show(Node focus) {
        root.setVisible(true);
        focus.requestFocus();
    }

    void hide() {
        root.setVisible(false);
    }

    boolean isShown() {
        return root.isVisible();
    }

    Node root() {
        return root;
    }
}
