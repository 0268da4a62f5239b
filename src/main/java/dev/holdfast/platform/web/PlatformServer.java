package dev.holdfast.platform.web;

import dev.holdfast.platform.audit.AuditLog;
import dev.holdfast.platform.auth.AccountDirectory;
import dev.holdfast.platform.auth.LoginService;
import dev.holdfast.platform.auth.TokenService;
import dev.holdfast.platform.live.AgentActions;
import dev.holdfast.platform.live.CustomerActions;
import dev.holdfast.platform.live.LiveStore;
import dev.holdfast.platform.live.RestoreService;
import dev.holdfast.platform.live.StoreException;
import dev.holdfast.platform.supervision.BulkClose;
import dev.holdfast.platform.supervision.BulkReassign;
import dev.holdfast.platform.supervision.SupervisorBoard;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.Wire;
import dev.holdfast.protocol.http.ErrorBody;
import dev.holdfast.protocol.supervision.StaleRules;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The platform's one port: HTTP API and both WebSocket endpoints, on Javalin (Jetty). */
public final class PlatformServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformServer.class);
    private static final int HELLO_TIMEOUT_SECONDS = 10;

    private final Javalin app;
    private final ExecutorService writer = Executors.newCachedThreadPool(daemon("holdfast-ws-writer"));

    public PlatformServer(LiveStore store, AgentActions agents, CustomerActions customers, RestoreService restore,
                          LoginService login, TokenService tokens, AccountDirectory accounts, String adminToken,
                          String version, ScheduledExecutorService timers, Supervision supervision) {
        HttpApi api = new HttpApi(store, agents, customers, restore, login, tokens, accounts, adminToken, version);
        SupervisorApi supervisorApi = new SupervisorApi(api, supervision.rules(), supervision.board(),
                supervision.bulkClose(), supervision.bulkReassign(), supervision.audit());
        AgentEndpoint agentSocket = new AgentEndpoint(agents, tokens, writer, timers, HELLO_TIMEOUT_SECONDS,
                store.clock());
        CustomerEndpoint customerSocket = new CustomerEndpoint(customers, tokens, writer, timers,
                HELLO_TIMEOUT_SECONDS, store.clock());
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = Limits.MAX_RESTORE_BYTES;
            config.jetty.modifyWebSocketServletFactory(factory -> {
                factory.setMaxTextMessageSize(Limits.MAX_TRANSPORT_FRAME_BYTES);
                factory.setMaxBinaryMessageSize(1024);
                factory.setIdleTimeout(Duration.ofSeconds(Limits.IDLE_TIMEOUT_SECONDS));
            });
        });
        api.register(app);
        supervisorApi.register(app);
        app.ws("/v1/ws", agentSocket::configure);
        app.ws("/v1/customer/ws", customerSocket::configure);
        app.exception(ProtocolException.class, (e, ctx) -> error(ctx, e.code(), e.getMessage(), e.retryAfterMs()));
        app.exception(StoreException.Unchecked.class, (e, ctx) -> {
            LOG.error("store failure on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            error(ctx, ErrorCode.INTERNAL, "the platform could not save this; try again", null);
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("failure on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, ErrorCode.INTERNAL, "the platform failed; try again", null);
        });
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || !ctx.result().startsWith("{")) {
                error(ctx, ErrorCode.NOT_FOUND, "no such endpoint: " + ctx.method() + " " + ctx.path(), null);
            }
        });
        app.error(HttpStatus.CONTENT_TOO_LARGE, ctx -> {
            if (ctx.result() == null || !ctx.result().startsWith("{")) {
                error(ctx, ErrorCode.PAYLOAD_TOO_LARGE, "request body too large", null);
            }
        });
    }

    /** What the supervision endpoints serve. */
    public record Supervision(StaleRules rules, SupervisorBoard board, BulkClose bulkClose, BulkReassign bulkReassign,
                              AuditLog audit) {
    }

    private static void error(Context ctx, ErrorCode code, String message, Long retryAfterMs) {
        if (code == ErrorCode.BAD_REQUEST || code == ErrorCode.PAYLOAD_TOO_LARGE) {
            LOG.info("bad request {} {} from {}: {}", ctx.method(), ctx.path(), ctx.ip(), message);
        }
        ctx.status(code.httpStatus());
        if (retryAfterMs != null) {
            ctx.header("Retry-After", Long.toString((retryAfterMs + 999) / 1000));
        }
        ctx.contentType("application/json");
        ctx.result(Wire.encodeBytes(new ErrorBody(new ErrorBody.Detail(code, message, retryAfterMs, null))));
    }

    public PlatformServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        writer.shutdownNow();
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
