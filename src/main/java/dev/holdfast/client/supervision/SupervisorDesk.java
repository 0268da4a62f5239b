package dev.holdfast.client.supervision;

import dev.holdfast.client.api.PlatformApi;
import dev.holdfast.protocol.supervision.AgentBoard;
import dev.holdfast.protocol.supervision.AuditPage;
import dev.holdfast.protocol.supervision.Board;
import dev.holdfast.protocol.supervision.BulkCloseRequest;
import dev.holdfast.protocol.supervision.BulkCloseResult;
import dev.holdfast.protocol.supervision.BulkReassignRequest;
import dev.holdfast.protocol.supervision.BulkReassignResult;
import dev.holdfast.protocol.supervision.ClosePreview;
import dev.holdfast.protocol.supervision.ClosePreviewRequest;
import dev.holdfast.protocol.supervision.StaleRules;
import dev.holdfast.protocol.supervision.Target;
import dev.holdfast.protocol.supervision.UndoResult;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What a supervisor's console asks the platform: the board, the agents' health, the guarded bulk
 * close (preview, close, undo), bulk reassign and the audit log. Every call runs off the caller's
 * thread with the session's access token, renewed once and retried when the platform calls it
 * expired; failures complete the future with an {@code ApiException} (FORBIDDEN for an agent).
 *
 * <p>Holds no state; any thread.
 */
public final class SupervisorDesk {
    /** Runs a blocking call with a valid access token, off the caller's thread. */
    @FunctionalInterface
    public interface WithToken {
        <T> CompletableFuture<T> run(Function<String, T> call);
    }

    private final WithToken withToken;
    private final PlatformApi api;

    public SupervisorDesk(PlatformApi api, WithToken withToken) {
        this.api = api;
        this.withToken = withToken;
    }

    public CompletableFuture<StaleRules> rules() {
        return withToken.run(api::staleRules);
    }

    public CompletableFuture<Board> board() {
        return withToken.run(api::board);
    }

    public CompletableFuture<AgentBoard> agents() {
        return withToken.run(api::agentBoard);
    }

    /** A dry run over every stale conversation (narrowed by team and agent when not null). */
    public CompletableFuture<ClosePreview> previewStale(String team, String agent) {
        return withToken.run(token -> api.closePreview(token, new ClosePreviewRequest(List.of(), team, agent)));
    }

    public CompletableFuture<BulkCloseResult> close(List<Target> targets, String reason, String farewell) {
        BulkCloseRequest request = new BulkCloseRequest(targets, reason, farewell == null || farewell.isBlank()
                ? null : farewell);
        return withToken.run(token -> api.bulkClose(token, request));
    }

    public CompletableFuture<UndoResult> undo(String batchId) {
        return withToken.run(token -> api.undoClose(token, batchId));
    }

    /** Moves {@code fromAgent}'s open conversations to available agents with room. */
    public CompletableFuture<BulkReassignResult> reassignAll(String fromAgent, String reason) {
        BulkReassignRequest request = new BulkReassignRequest(fromAgent, List.of(), reason);
        return withToken.run(token -> api.bulkReassign(token, request));
    }

    /** Newest first; {@code before} null for the newest page. */
    public CompletableFuture<AuditPage> audit(Long before, int limit) {
        return withToken.run(token -> api.audit(token, before, limit));
    }

    public CompletableFuture<byte[]> auditCsv() {
        return withToken.run(api::auditCsv);
    }
}
