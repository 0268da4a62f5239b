package dev.holdfast.ui.workspace;

import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.fx.FxScheduler;
import dev.holdfast.ui.i18n.Language;
import java.time.Clock;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * The agent's workspace: the conversation list beside the open thread and its composer, and the
 * customer panel at the right; the close and transfer dialogs are drawn over it. Wires the view
 * models to the bridge and to each other (the list's selection opens a thread).
 */
public final class WorkspaceView {
    private final SplitPane split = new SplitPane();
    private final StackPane root = new StackPane(split);
    private final Cancellable listening;
    private final ConversationListView listView;
    private final ComposerView composerView;
    private final ConversationListViewModel list;
    private final CloseConversationDialog closeDialog;
    private final TransferConversationDialog transferDialog;
    private final ComposerViewModel composer;

    public WorkspaceView(AgentSession session, FxBridge bridge, Language language) {
        String me = session.user();
        list = new ConversationListViewModel(session, bridge, me);
        ConversationActions actions = new ConversationActions(session, bridge, list);
        FxScheduler timers = new FxScheduler();
        ThreadViewModel thread = new ThreadViewModel(session, bridge, me, timers);
        composer = new ComposerViewModel(session, bridge, language,
                new TypingSignal(session::typing, timers, Clock.systemUTC()));
        thread.conversationIdProperty().bind(list.selectedIdProperty());
        composer.conversationIdProperty().bind(list.selectedIdProperty());
        composer.statusProperty().bind(Bindings.createObjectBinding(
                () -> list.selectedProperty().get() == null ? null : list.selectedProperty().get().summary().status(),
                list.selectedProperty()));
        listening = bridge.listen(batch -> {
            list.apply(batch);
            thread.apply(batch);
        });
        list.load();

        BorderPane right = new BorderPane();
        right.setCenter(new ThreadView(thread, language, System::currentTimeMillis).root());
        composerView = new ComposerView(composer, language);
        right.setBottom(composerView.root());
        listView = new ConversationListView(list, actions, language, System::currentTimeMillis);
        closeDialog = new CloseConversationDialog(actions, language);
        transferDialog = new TransferConversationDialog(actions, language);
        Node customer = new CustomerPanelView(list, actions, language, System::currentTimeMillis,
                this::transferConversation, this::closeConversation).root();
        split.getItems().addAll(listView.root(), right, customer);
        split.setDividerPositions(0.29, 0.79);
        SplitPane.setResizableWithParent(listView.root(), false);
        SplitPane.setResizableWithParent(customer, false);
        root.getChildren().addAll(closeDialog.root(), transferDialog.root());
        // Modal within the window: while a dialog is up, nothing behind it takes the focus (Tab) or clicks.
        split.disableProperty().bind(closeDialog.root().visibleProperty().or(transferDialog.root().visibleProperty()));
    }

    public void nextConversation() {
        if (!dialogShown()) {
            listView.move(1);
        }
    }

    public void previousConversation() {
        if (!dialogShown()) {
            listView.move(-1);
        }
    }

    public void focusSearch() {
        if (!dialogShown()) {
            listView.focusSearch();
        }
    }

    /** Opens the close dialog for the open conversation, if it is mine to close. */
    public void closeConversation() {
        ConversationItem item = actionable();
        if (item != null) {
            closeDialog.open(item);
        }
    }

    /** Opens the transfer dialog for the open conversation, if it is mine to hand over. */
    public void transferConversation() {
        ConversationItem item = actionable();
        if (item != null) {
            transferDialog.open(item);
        }
    }

    private ConversationItem actionable() {
        ConversationItem item = list.selectedProperty().get();
        boolean mine = item != null && item.summary().status() == ConversationStatus.ASSIGNED
                && list.user().equals(item.summary().assignee());
        return mine && !dialogShown() ? item : null;
    }

    private boolean dialogShown() {
        return closeDialog.isShown() || transferDialog.isShown();
    }

    public void focusComposer() {
        composerView.focus();
    }

    public Node root() {
        return root;
    }

    /** Stops listening (the user signed out). */
    public void dispose() {
        listening.cancel();
        composer.dispose();
    }
}
