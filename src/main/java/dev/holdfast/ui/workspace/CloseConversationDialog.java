package dev.holdfast.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.holdfast.ui.i18n.Language;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/**
 * Close with a reason: the reason is required (the platform refuses a close without one), and the
 * usual ones are a click away. Keeps the row as it was when the dialog opened, so the close
 * carries the version the user looked at.
 */
final class CloseConversationDialog {
    private static final String[] QUICK_REASONS = {"close.reason.resolved", "close.reason.noReply",
        "close.reason.duplicate"};

    private final ConversationActions actions;
    private final Language language;
    private final DialogOverlay overlay;
    private final TextField reason = new TextField();
    private final Label error = new Label();
    /** The row the user decided on; null while the dialog is closed. */
    private final ObjectProperty<ConversationItem> seen = new SimpleObjectProperty<>();

    CloseConversationDialog(ConversationActions actions, Language language) {
        this.actions = actions;
        this.language = language;
        overlay = new DialogOverlay("close-dialog", javafx.beans.binding.Bindings.createStringBinding(
                () -> seen.get() == null ? "" : language.messages().get("close.heading", seen.get().customerName()),
                seen, language.messagesProperty()), this::cancel);
        Label label = new Label();
        label.textProperty().bind(language.text("close.reason"));
        FlowPane quick = new FlowPane(6, 6);
        for (String key : QUICK_REASONS) {
            Button choice = new Button();
            choice.textProperty().bind(language.text(key));
            choice.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
            choice.setOnAction(e -> {
                reason.setText(language.messages().get(key));
                reason.requestFocus();
                reason.end();
            });
            quick.getChildren().add(choice);
        }
        reason.setId("close-reason");
        reason.promptTextProperty().bind(language.text("close.reason.prompt"));
        reason.setOnAction(e -> confirm());
        error.setId("close-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        Button cancel = new Button();
        cancel.setId("close-cancel");
        cancel.textProperty().bind(language.text("dialog.cancel"));
        cancel.setOnAction(e -> cancel());
        Button ok = new Button();
        ok.setId("close-confirm");
        ok.textProperty().bind(language.text("close.confirm"));
        ok.getStyleClass().add(Styles.DANGER);
        ok.setOnAction(e -> confirm());
        ok.disableProperty().bind(reason.textProperty().isEmpty().or(actions.busyProperty()));
        HBox buttons = new HBox(8, cancel, ok);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        overlay.add(label, quick, reason, error, buttons);
    }

    void open(ConversationItem item) {
        seen.set(item);
        reason.clear();
        error.setVisible(false);
        overlay.show(reason);
    }

    private void confirm() {
        ConversationItem item = seen.get();
        if (item == null || reason.getText().isBlank() || actions.busyProperty().get()) {
            return;
        }
        actions.close(item, reason.getText(), outcome -> {
            if (outcome.done() || outcome.changed()) {
                // A stale close is not retried: the dialog goes and the panel says what happened.
                cancel();
            } else {
                error.setText(language.messages().get(outcome.messageKey()));
                error.setVisible(true);
            }
        });
    }

    private void cancel() {
        seen.set(null);
        overlay.hide();
    }

    boolean isShown() {
        return overlay.isShown();
    }

    Node root() {
        return overlay.root();
    }
}
