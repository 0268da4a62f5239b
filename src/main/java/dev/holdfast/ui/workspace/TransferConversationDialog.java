package dev.holdfast.ui.workspace;

import atlantafx.base.theme.Styles;
import dev.holdfast.protocol.http.AgentInfo;
import dev.holdfast.ui.components.DialogOverlay;
import dev.holdfast.ui.i18n.Language;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Transfer to another agent: the agents as the platform sees them now (presence and how many
 * conversations they hold), me left out. Keeps the row as it was when the dialog opened, so the
 * transfer carries the version the user looked at.
 */
final class TransferConversationDialog {
    private final ConversationActions actions;
    private final Language language;
    private final DialogOverlay overlay;
    private final ListView<AgentInfo> agents = new ListView<>();
    /** The row the user decided on; null while the dialog is closed. */
    private final ObjectProperty<ConversationItem> seen = new SimpleObjectProperty<>();

    TransferConversationDialog(ConversationActions actions, Language language) {
        this.actions = actions;
        this.language = language;
        overlay = new DialogOverlay("transfer", Bindings.createStringBinding(
                () -> seen.get() == null ? "" : language.messages().get("transfer.heading", seen.get().customerName()),
                seen, language.messagesProperty()), this::cancel);
        agents.setId("transfer-agents");
        agents.setPrefHeight(220);
        agents.setCellFactory(l -> new AgentRow());
        Label placeholder = new Label();
        placeholder.textProperty().bind(language.text("transfer.loading"));
        agents.setPlaceholder(placeholder);
        agents.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                confirm();
            }
        });
        Button ok = overlay.add(language.text("dialog.cancel"), language.text("transfer.confirm"), Styles.ACCENT,
                this::confirm, agents);
        ok.disableProperty().bind(agents.getSelectionModel().selectedItemProperty().isNull()
                .or(actions.busyProperty()));
    }

    void open(ConversationItem item) {
        seen.set(item);
        agents.getItems().clear();
        overlay.show(agents);
        actions.transferTargets(found -> {
            if (seen.get() == item) {
                agents.getItems().setAll(found);
            }
        }, this::fail);
    }

    private void confirm() {
        ConversationItem item = seen.get();
        AgentInfo to = agents.getSelectionModel().getSelectedItem();
        if (item == null || to == null || actions.busyProperty().get()) {
            return;
        }
        actions.transfer(item, to.id(), outcome -> {
            if (outcome.done() || outcome.changed()) {
                // A stale transfer is not retried: the dialog goes and the panel says what happened.
                cancel();
            } else {
                fail(outcome.messageKey());
            }
        });
    }

    private void fail(String key) {
        overlay.fail(language.messages().get(key));
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

    /** "Agent Two · agent2" over "Available · 2 of 5 conversations". */
    private final class AgentRow extends ListCell<AgentInfo> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, name, detail);

        AgentRow() {
            name.getStyleClass().add(Styles.TEXT_BOLD);
            detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            box.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setHgrow(box, Priority.ALWAYS);
        }

        @Override
        protected void updateItem(AgentInfo agent, boolean empty) {
            super.updateItem(agent, empty);
            setText(null);
            if (empty || agent == null) {
                setGraphic(null);
                return;
            }
            var messages = language.messages();
            String display = agent.displayName();
            String shown = display == null || display.isBlank() || display.equals(agent.id()) ? agent.id()
                    : display + " · " + agent.id();
            name.setText(shown);
            String presence = messages.get("presence." + agent.presence().name().toLowerCase(java.util.Locale.ROOT));
            detail.setText(agent.capacity() > 0
                    ? messages.get("transfer.load", presence, agent.open(), agent.capacity())
                    : messages.get("transfer.loadNoCapacity", presence, agent.open()));
            setGraphic(box);
        }
    }
}
