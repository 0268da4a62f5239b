package dev.holdfast.ui.workspace;

import dev.holdfast.client.common.Cancellable;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.fx.FxScheduler;
import java.time.Clock;
import dev.holdfast.ui.i18n.Language;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;

/**
 * The agent's workspace: the conversation list beside the open thread and its composer. Wires
 * the three view models to the bridge and to each other (the list's selection opens a thread).
 */
public final class WorkspaceView {
    private final SplitPane root = new SplitPane();
    private final Cancellable listening;
    private final ConversationListView listView;
    private final ComposerView composerView;
    private final ComposerViewModel composer;

    public WorkspaceView(AgentSession session, FxBridge bridge, Language language) {
        String me = session.user();
        ConversationListViewModel list = new ConversationListViewModel(session, bridge, me);
        FxScheduler timers = new FxScheduler();
        ThreadViewModel thread = new ThreadViewModel(session, bridge, me, timers);
        composer = new ComposerViewModel(session, bridge, language,
                new TypingSignal(session::typing, timers, Clock.systemUTC()));
        thread.conversationIdProperty().bind(list.selectedIdProperty());
        composer.conversationIdProperty().bind(list.selectedIdProperty());
        listening = bridge.listen(batch -> {
            list.apply(batch);
            thread.apply(batch);
        });
        list.load();

        BorderPane right = new BorderPane();
        right.setCenter(new ThreadView(thread, language, System::currentTimeMillis).root());
        composerView = new ComposerView(composer, language);
        right.setBottom(composerView.root());
        listView = new ConversationListView(list, language, System::currentTimeMillis);
        root.getItems().addAll(listView.root(), right);
        root.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(root.getItems().get(0), false);
    }

    public void nextConversation() {
        listView.move(1);
    }

    public void previousConversation() {
        listView.move(-1);
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
