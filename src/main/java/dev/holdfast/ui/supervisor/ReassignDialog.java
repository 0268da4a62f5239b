package dev.holdfast.ui.supervisor;

import atlantafx.base.theme.Styles;
import dev.holdfast.client.supervision.SupervisorDesk;
import dev.holdfast.protocol.supervision.BulkReassignResult;
import dev.holdfast.ui.components.DialogOverlay;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.i18n.Language;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/**
 * "Reassign their conversations": moves every open conversation of an agent who is gone to
 * available agents with room, with a reason for the audit log; the summary says how many moved
 * and which stayed, with why.
 */
final class ReassignDialog {
    private final SupervisorDesk desk;
    private final FxBridge bridge;
    private final Language language;
    private final DialogOverlay overlay;
    private final TextField reason = new TextField();
    private final ObjectProperty<AgentItem> agent = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BiConsumer<AgentItem, String> onDone;
    private final Function<String, String> customerOf;

    /**
     * @param onDone     hears the summary in words after a reassign went through
     * @param customerOf the customer's name for a conversation id, for the skipped ones
     */
    ReassignDialog(SupervisorDesk desk, FxBridge bridge, Language language, Function<String, String> customerOf,
                   BiConsumer<AgentItem, String> onDone) {
        this.desk = desk;
        this.bridge = bridge;
        this.language = language;
        this.customerOf = customerOf;
        this.onDone = onDone;
        overlay = new DialogOverlay("reassign", Bindings.createStringBinding(() -> agent.get() == null ? ""
                : language.messages().get("sup.reassign.heading", agent.get().line().health().agent().open(),
                agent.get().id()), agent, language.messagesProperty()), this::cancel);
        Label explain = new Label();
        explain.textProperty().bind(language.text("sup.reassign.explain"));
        explain.setWrapText(true);
        Label label = new Label();
        label.textProperty().bind(language.text("sup.reassign.reason"));
        reason.setId("reassign-reason");
        reason.setOnAction(e -> confirm());
        Button ok = overlay.add(language.text("dialog.cancel"), language.text("sup.reassign.confirm"), Styles.ACCENT,
                this::confirm, explain, label, reason);
        ok.disableProperty().bind(reason.textProperty().isEmpty().or(busy));
    }

    void open(AgentItem item) {
        agent.set(item);
        reason.setText(language.messages().get("sup.reassign.reasonDefault"));
        overlay.show(reason);
        reason.selectAll();
    }

    private void confirm() {
        AgentItem item = agent.get();
        if (item == null || reason.getText().isBlank() || busy.get()) {
            return;
        }
        busy.set(true);
        bridge.whenDone(desk.reassignAll(item.id(), reason.getText().strip()), (result, failure) -> {
            busy.set(false);
            if (failure != null) {
                overlay.fail(SupervisionWords.failure(failure, language.messages()));
                return;
            }
            cancel();
            onDone.accept(item, words(result, item.id()));
        });
    }

    String words(BulkReassignResult r, String from) {
        String skipped = r.skipped().isEmpty() ? "." : ": " + String.join("; ", r.skipped().stream()
                .map(s -> language.messages().get("sup.skip.line", customerOf.apply(s.id()),
                        SupervisionWords.skipped(s.reason(), language.messages()))).toList()) + ".";
        return language.messages().get("sup.reassign.done", r.moved().size(), from, r.skipped().size(), skipped);
    }

    private void cancel() {
        agent.set(null);
        overlay.hide();
    }

    boolean isShown() {
        return overlay.isShown();
    }

    Node root() {
        return overlay.root();
    }
}
