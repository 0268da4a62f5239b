package dev.holdfast.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * The notifier's toast: a small card in the bottom-right corner with the latest thing missed and
 * how many. It takes no clicks (the workspace under it stays usable) and hides when empty.
 */
final class NotificationToast {
    private final Label label = new Label();

    NotificationToast(UnreadNotifier notifier) {
        label.setId("notification-toast");
        label.getStyleClass().add("notification-toast");
        label.textProperty().bind(Bindings.createStringBinding(() -> notifier.unreadProperty().get() > 1
                ? "(" + notifier.unreadProperty().get() + ") " + notifier.toastProperty().get()
                : notifier.toastProperty().get(), notifier.unreadProperty(), notifier.toastProperty()));
        label.visibleProperty().bind(notifier.toastProperty().isNotEmpty());
        label.setMouseTransparent(true);
        label.setWrapText(true);
        label.setMaxWidth(320);
        StackPane.setAlignment(label, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(label, new Insets(0, 16, 40, 0));
    }

    Node root() {
        return label;
    }
}
