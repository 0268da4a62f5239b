package dev.holdfast.ui.components;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.StringExpression;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A dialog drawn inside the window over the dimmed workspace (like sign-in-again), not a second
 * window: nothing blocks, and the headless tests see it like any other node. Esc cancels.
 */
public final class DialogOverlay {
    private final StackPane root = new StackPane();
    private final VBox card = new VBox(12);
    /** Why the last attempt did not work; takes no room while hidden. */
    private final Label error = new Label();
    private final String idPrefix;
    private final Runnable onCancel;

    /** {@code idPrefix}: the card is "PREFIX-dialog", its parts "PREFIX-error", "-cancel", "-confirm". */
    public DialogOverlay(String idPrefix, StringExpression heading, Runnable onCancel) {
        this.idPrefix = idPrefix;
        this.onCancel = onCancel;
        String id = idPrefix + "-dialog";
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
                onCancel.run();
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

    /**
     * Adds the dialog's own parts, then the error line and the Cancel and confirm buttons; returns
     * the confirm button, whose enabling is the caller's.
     */
    public Button add(StringExpression cancelText, StringExpression confirmText, String confirmStyle, Runnable onConfirm,
               Node... parts) {
        error.setId(idPrefix + "-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        Button cancel = new Button();
        cancel.setId(idPrefix + "-cancel");
        cancel.textProperty().bind(cancelText);
        cancel.setOnAction(e -> onCancel.run());
        Button ok = new Button();
        ok.setId(idPrefix + "-confirm");
        ok.textProperty().bind(confirmText);
        ok.getStyleClass().add(confirmStyle);
        ok.setOnAction(e -> onConfirm.run());
        HBox buttons = new HBox(8, cancel, ok);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        card.getChildren().addAll(parts);
        card.getChildren().addAll(error, buttons);
        return ok;
    }

    /** A wider card, in em so it grows with the text size (lists and tables need the room). */
    public void widen(double em) {
        card.setStyle("-fx-pref-width: " + em + "em;");
    }

    /** Says, in the dialog, why the action did not go through; the dialog stays. */
    public void fail(String words) {
        error.setText(words);
        error.setVisible(true);
    }

    public void show(Node focus) {
        error.setVisible(false);
        root.setVisible(true);
        focus.requestFocus();
    }

    public void hide() {
        root.setVisible(false);
    }

    public boolean isShown() {
        return root.isVisible();
    }

    public Node root() {
        return root;
    }
}
