package dev.holdfast.ui.workspace;

import dev.holdfast.client.session.AgentSession;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.Role;
import dev.holdfast.protocol.http.AgentInfo;
import dev.holdfast.ui.fx.FxBridge;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Take, close and transfer, each carrying the version of the row the user acted on (never a newer
 * one fetched behind their back). When the platform says the conversation changed, the row is
 * reloaded and the user told so; the action is not repeated, because what they decided on is
 * no longer what is there.
 *
 * <p>Threading: FX thread only; the platform calls run on the session's threads.
 */
public final class ConversationActions {
    /** What became of an action: done, refused as stale (row refreshed), or failed (key says why). */
    public record Outcome(boolean done, boolean changed, String messageKey) {
        static final Outcome DONE = new Outcome(true, false, null);
        static final Outcome CHANGED = new Outcome(false, true, "action.changed");
    }

    private final AgentSession session;
    private final FxBridge bridge;
    private final ConversationListViewModel list;
    /** The message key of the last notice about the open conversation, or null; cleared when another opens. */
    private final ObjectProperty<String> notice = new SimpleObjectProperty<>();
    /** True while an action waits for the platform: the buttons rest meanwhile. */
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();

    public ConversationActions(AgentSession session, FxBridge bridge, ConversationListViewModel list) {
        this.session = session;
        this.bridge = bridge;
        this.list = list;
        list.selectedIdProperty().addListener((obs, old, now) -> notice.set(null));
    }

    public void take(ConversationItem item) {
        run(item, session.accept(item.id(), item.summary().version()), outcome -> {
            if (!outcome.done()) {
                notice.set(outcome.messageKey());
            }
        });
    }

    public void close(ConversationItem seen, String reason, Consumer<Outcome> then) {
        run(seen, session.close(seen.id(), seen.summary().version(), reason.strip()), then);
    }

    public void transfer(ConversationItem seen, String toAgent, Consumer<Outcome> then) {
        run(seen, session.transfer(seen.id(), seen.summary().version(), toAgent, null), then);
    }

    /**
     * The agents one could hand a conversation to: everyone but me and the admins (the platform
     * refuses those), available and least loaded first.
     */
    public void transferTargets(Consumer<List<AgentInfo>> onAgents, Consumer<String> onFailure) {
        bridge.whenDone(session.agents(), (agents, failure) -> {
            if (agents == null) {
                onFailure.accept(ActionFailure.messageKey(failure));
                return;
            }
            onAgents.accept(agents.stream()
                    .filter(a -> !a.id().equals(list.user()) && a.role() != Role.ADMIN)
                    .sorted(Comparator.comparing((AgentInfo a) -> a.presence().ordinal())
                            .thenComparingInt(AgentInfo::open).thenComparing(AgentInfo::id))
                    .toList());
        });
    }

    private void run(ConversationItem seen, CompletableFuture<ConversationSummary> action, Consumer<Outcome> then) {
        busy.set(true);
        bridge.whenDone(action, (summary, failure) -> {
            busy.set(false);
            if (summary != null) {
                list.upsert(summary);
                then.accept(Outcome.DONE);
            } else if (ActionFailure.isStale(failure)) {
                reload(seen.id());
                notice.set(Outcome.CHANGED.messageKey());
                then.accept(Outcome.CHANGED);
            } else {
                then.accept(new Outcome(false, false, ActionFailure.messageKey(failure)));
            }
        });
    }

    /** Shows the conversation as the platform has it now; the list takes it if it is newer. */
    private void reload(String id) {
        bridge.whenDone(session.refresh(id), (summary, failure) -> {
            if (summary != null) {
                list.upsert(summary);
            }
        });
    }

    public ObjectProperty<String> noticeProperty() {
        return notice;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
