package dev.holdfast.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.holdfast.ui.components.DialogOverlay;
import dev.holdfast.ui.i18n.Language;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;

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
    /** The row the user decided on; null while the dialog is closed. */
    private final ObjectProperty<ConversationItem> seen = new SimpleObjectProperty<>();

    CloseConversationDialog(ConversationActions actions, Language language) {
        this.actions = actions;
        this.language = language;
        overlay = new DialogOverlay("close", Bindings.createStringBinding(
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
        Button ok = overlay.add(language.text("dialog.cancel"), language.text("close.confirm"), Styles.DANGER,
                this::confirm, label, quick, reason);
        ok.disableProperty().bind(reason.textProperty().isEmpty().or(actions.busyProperty()));
    }

    void open(ConversationItem item) {
        seen.set(item);
        reason.clear();
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
                overlay.fail(language.messages().get(outcome.messageKey()));
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
