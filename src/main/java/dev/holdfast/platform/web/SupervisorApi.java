package dev.holdfast.platform.web;

import dev.holdfast.platform.audit.AuditCsv;
import dev.holdfast.platform.audit.AuditLog;
import dev.holdfast.platform.auth.AccessClaims;
import dev.holdfast.platform.supervision.BulkClose;
import dev.holdfast.platform.supervision.BulkReassign;
import dev.holdfast.platform.supervision.SupervisorBoard;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.supervision.AuditPage;
import dev.holdfast.protocol.supervision.BulkCloseRequest;
import dev.holdfast.protocol.supervision.BulkReassignRequest;
import dev.holdfast.protocol.supervision.ClosePreviewRequest;
import dev.holdfast.protocol.supervision.StaleRules;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** The /v1/supervisor endpoints (protocol.md §13.1): supervisors and admins only, FORBIDDEN for anyone else. */
final class SupervisorApi {
    static final int MAX_AUDIT_PAGE = 500;

    private final HttpApi http;
    private final StaleRules rules;
    private final SupervisorBoard board;
    private final BulkClose bulkClose;
    private final BulkReassign bulkReassign;
    private final AuditLog audit;

    SupervisorApi(HttpApi http, StaleRules rules, SupervisorBoard board, BulkClose bulkClose,
                  BulkReassign bulkReassign, AuditLog audit) {
        this.http = http;
        this.rules = rules;
        this.board = board;
        this.bulkClose = bulkClose;
        this.bulkReassign = bulkReassign;
        this.audit = audit;
    }

    void register(Javalin app) {
        app.get("/v1/supervisor/rules", ctx -> {
            supervisor(ctx);
            http.json(ctx, rules);
        });
        app.get("/v1/supervisor/board", ctx -> {
            supervisor(ctx);
            http.json(ctx, board.board());
        });
        app.get("/v1/supervisor/agents", ctx -> {
            supervisor(ctx);
            http.json(ctx, board.agents());
        });
        app.post("/v1/supervisor/close/preview", ctx -> {
            supervisor(ctx);
            http.json(ctx, bulkClose.preview(HttpApi.body(ctx, ClosePreviewRequest.class)));
        });
        app.post("/v1/supervisor/close", ctx -> {
            AccessClaims claims = supervisor(ctx);
            http.json(ctx, bulkClose.close(claims.userId(), HttpApi.body(ctx, BulkCloseRequest.class)));
        });
        app.post("/v1/supervisor/close/{batchId}/undo", ctx -> {
            AccessClaims claims = supervisor(ctx);
            http.json(ctx, bulkClose.undo(claims.userId(), ctx.pathParam("batchId")));
        });
        app.post("/v1/supervisor/reassign", ctx -> {
            AccessClaims claims = supervisor(ctx);
            http.json(ctx, bulkReassign.reassign(claims.userId(), HttpApi.body(ctx, BulkReassignRequest.class)));
        });
        app.get("/v1/supervisor/audit", ctx -> {
            supervisor(ctx);
            Long before = HttpApi.longParam(ctx, "before");
            Long limit = HttpApi.longParam(ctx, "limit");
            if (limit != null && (limit < 1 || limit > MAX_AUDIT_PAGE)) {
                throw new ProtocolException(ErrorCode.BAD_REQUEST, "limit must be between 1 and " + MAX_AUDIT_PAGE);
            }
            http.json(ctx, new AuditPage(audit.page(before, limit == null ? 100 : limit.intValue())));
        });
        app.get("/v1/supervisor/audit.csv", ctx -> {
            supervisor(ctx);
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"holdfast-audit.csv\"");
            ctx.result(AuditCsv.of(audit).getBytes(StandardCharsets.UTF_8));
        });
    }

    private AccessClaims supervisor(Context ctx) {
        AccessClaims claims = http.agent(ctx);
        if (!claims.role().oversees()) {
            throw new ProtocolException(ErrorCode.FORBIDDEN, "only supervisors and admins may do this");
        }
        return claims;
    }
}
