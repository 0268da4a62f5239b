package dev.holdfast.ui.shell;

import atlantafx.base.theme.Styles;
import dev.holdfast.ui.i18n.Language;
import dev.holdfast.ui.login.LoginView;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** F1's overlay: the shortcuts and what they do, in the current language. A click anywhere closes it. */
final class ShortcutHelpView {
    private final StackPane root = new StackPane();
    private final BooleanProperty shown = new SimpleBooleanProperty(false);

    /** {@code oversees}: the supervision console's keys are listed too (supervisors and admins). */
    ShortcutHelpView(Language language, boolean oversees) {
        Label heading = LoginView.label(language, "help.heading");
        heading.getStyleClass().add(Styles.TITLE_3);
        GridPane rows = new GridPane();
        rows.setHgap(24);
        rows.setVgap(8);
        row(rows, 0, Shortcuts.NEXT.getDisplayText(), language, "help.next");
        row(rows, 1, Shortcuts.PREVIOUS.getDisplayText(), language, "help.previous");
        row(rows, 2, Shortcuts.COMPOSER.getDisplayText(), language, "help.composer");
        row(rows, 3, Shortcuts.SEARCH.getDisplayText(), language, "help.search");
        row(rows, 4, Shortcuts.CLOSE.getDisplayText(), language, "help.closeConversation");
        row(rows, 5, Shortcuts.TRANSFER.getDisplayText(), language, "help.transfer");
        row(rows, 6, Shortcuts.TEXT_LARGER.get(0).getDisplayText() + "  " + Shortcuts.TEXT_SMALLER.get(0).getDisplayText()
                + "  " + Shortcuts.TEXT_RESET.get(0).getDisplayText(), language, "help.textSize");
        row(rows, 7, "F1", language, "help.toggle");
        if (oversees) {
            row(rows, 8, Shortcuts.WORKSPACE.getDisplayText() + "  " + Shortcuts.SUPERVISION.getDisplayText(), language,
                    "help.supervision");
        }
        Label close = LoginView.label(language, "help.close");
        close.getStyleClass().add(Styles.TEXT_MUTED);

        VBox card = new VBox(16, heading, rows, close);
        card.setId("shortcut-help");
        card.setPadding(new Insets(28));
        card.setMaxWidth(Region.USE_PREF_SIZE);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.getStyleClass().add("login-card");
        root.getStyleClass().add("scrim");
        root.getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        root.visibleProperty().bind(shown);
        root.managedProperty().bind(shown);
        root.setOnMouseClicked(e -> shown.set(false));
    }

    private static void row(GridPane rows, int index, String keys, Language language, String key) {
        Label combination = new Label(keys);
        combination.getStyleClass().add(Styles.TEXT_BOLD);
        combination.setMinWidth(Region.USE_PREF_SIZE);
        rows.addRow(index, combination, LoginView.label(language, key));
    }

    void toggle() {
        shown.set(!shown.get());
    }

    boolean isShown() {
        return shown.get();
    }

    Parent root() {
        return root;
    }
}
