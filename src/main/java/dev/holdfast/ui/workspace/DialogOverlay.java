package dev.holdfast.ui.workspace;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.StringExpression;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
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
            } else if (e.getCode() == KeyCode.TAB && !e.isControlDown()) {
                // Modal: Tab goes round the dialog, never to the window's toolbar behind it.
                moveFocus(e.isShiftDown() ? -1 : 1);
                e.consume();
            }
        });
    }

    private void moveFocus(int step) {
        List<Node> stops = new ArrayList<>();
        collectStops(card, stops);
        if (stops.isEmpty()) {
            return;
        }
        Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
        int at = stops.indexOf(focused);
        int next = at < 0 ? 0 : Math.floorMod(at + step, stops.size());
        stops.get(next).requestFocus();
    }

    private static void collectStops(Node node, List<Node> into) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node.isFocusTraversable()) {
            into.add(node);
            return; // a control's own parts are not stops of their own
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectStops(child, into));
        }
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
