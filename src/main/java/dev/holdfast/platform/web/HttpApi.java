package dev.holdfast.platform.web;

import dev.holdfast.platform.auth.AccessClaims;
import dev.holdfast.platform.auth.AccountDirectory;
import dev.holdfast.platform.auth.CustomerClaims;
import dev.holdfast.platform.auth.LoginService;
import dev.holdfast.platform.auth.TokenService;
import dev.holdfast.platform.live.AgentActions;
import dev.holdfast.platform.live.CustomerActions;
import dev.holdfast.platform.live.LiveStore;
import dev.holdfast.platform.live.RestoreService;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.Wire;
import dev.holdfast.protocol.http.AdminResult;
import dev.holdfast.protocol.http.AgentList;
import dev.holdfast.protocol.http.ConversationList;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSendRequest;
import dev.holdfast.protocol.http.CustomerSession;
import dev.holdfast.protocol.http.Health;
import dev.holdfast.protocol.http.LoginRequest;
import dev.holdfast.protocol.http.RefreshRequest;
import dev.holdfast.protocol.http.RestoreRequest;
import dev.holdfast.protocol.http.SendRequest;
import dev.holdfast.protocol.http.UserInfo;
import dev.holdfast.protocol.http.VersionedAction;
import dev.holdfast.protocol.http.WipeResponse;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Every HTTP endpoint of docs/protocol.md, thin: decode, check the caller, call the live store, encode. */
final class HttpApi {
    private final LiveStore store;
    private final AgentActions agents;
    private final CustomerActions customers;
    private final RestoreService restore;
    private final LoginService login;
    private final TokenService tokens;
    private final AccountDirectory accounts;
    private final String adminToken;
    private final String version;

    HttpApi(LiveStore store, AgentActions agents, CustomerActions customers, RestoreService restore,
            LoginService login, TokenService tokens, AccountDirectory accounts, String adminToken, String version) {
        this.store = store;
        this.agents = agents;
        this.customers = customers;
        this.restore = restore;
        this.login = login;
        this.tokens = tokens;
        this.accounts = accounts;
        this.adminToken = adminToken;
        this.version = version;
    }

    void register(Javalin app) {
        app.get("/health", ctx -> json(ctx, new Health("ok", version, Limits.PROTOCOL_VERSION, store.storeKind(),
                store.epoch())));

        app.post("/v1/auth/login", ctx -> json(ctx,
                login.login(body(ctx, LoginRequest.class), ctx.ip(), store.epoch())));
        app.post("/v1/auth/refresh", ctx -> json(ctx, tokens.refresh(body(ctx, RefreshRequest.class).refreshToken(),
                store.epoch(), accounts::byId)));
        app.post("/v1/auth/logout", ctx -> {
            tokens.logout(body(ctx, RefreshRequest.class).refreshToken())
                    .ifPresent(out -> agents.signedOut(out.userId(), out.deviceId()));
            ctx.status(204);
        });
        app.get("/v1/me", ctx -> {
            AccessClaims claims = agent(ctx);
            var account = accounts.byId(claims.userId())
                    .orElseThrow(() -> new ProtocolException(ErrorCode.UNAUTHENTICATED, "account no longer exists"));
            json(ctx, new UserInfo(account.id(), account.username(), account.displayName(), account.role(),
                    account.teams()));
        });

        app.get("/v1/conversations", ctx -> {
            AccessClaims claims = agent(ctx);
            String scope = ctx.queryParam("scope") == null ? "mine" : ctx.queryParam("scope");
            json(ctx, new ConversationList(store.epoch(), agents.list(claims, scope)));
        });
        app.get("/v1/conversations/{id}", ctx -> json(ctx, agents.conversation(agent(ctx), ctx.pathParam("id"))));
        app.get("/v1/conversations/{id}/events", ctx -> json(ctx, agents.events(agent(ctx), ctx.pathParam("id"),
                longParam(ctx, "after"), longParam(ctx, "before"), limit(ctx))));
        app.post("/v1/conversations/{id}/messages", ctx -> {
            AccessClaims claims = agent(ctx);
            SendRequest send = body(ctx, SendRequest.class);
            json(ctx, agents.send(claims, send.deviceId(), ctx.pathParam("id"), send.clientMessageId(), send.text()));
        });
        app.post("/v1/conversations/{id}/accept", ctx -> json(ctx,
                agents.accept(agent(ctx), ctx.pathParam("id"), body(ctx, VersionedAction.class))));
        app.post("/v1/conversations/{id}/transfer", ctx -> json(ctx,
                agents.transfer(agent(ctx), ctx.pathParam("id"), body(ctx, VersionedAction.class))));
        app.post("/v1/conversations/{id}/close", ctx -> json(ctx,
                agents.close(agent(ctx), ctx.pathParam("id"), body(ctx, VersionedAction.class))));
        app.post("/v1/conversations/{id}/reopen", ctx -> json(ctx,
                agents.reopen(agent(ctx), ctx.pathParam("id"), body(ctx, VersionedAction.class))));
        app.post("/v1/conversations/{id}/reassign", ctx -> json(ctx,
                agents.reassign(agent(ctx), ctx.pathParam("id"), body(ctx, VersionedAction.class))));
        app.get("/v1/agents", ctx -> {
            agent(ctx);
            json(ctx, new AgentList(agents.agents()));
        });
        app.post("/v1/restore", ctx -> {
            AccessClaims claims = agent(ctx);
            RestoreRequest request = Wire.decode(ctx.bodyAsBytes(), RestoreRequest.class, Limits.MAX_RESTORE_BYTES);
            json(ctx, restore.restore(claims, request));
        });

        app.post("/v1/customer/conversations", ctx -> {
            CustomerActions.Opened opened = customers.open(body(ctx, CustomerOpenRequest.class));
            String token = tokens.issueCustomer(opened.conversationId(), opened.customer());
            json(ctx, new CustomerSession(opened.conversationId(), opened.customer().id(), token,
                    opened.conversation()));
        });
        app.post("/v1/customer/messages", ctx -> {
            CustomerClaims claims = customer(ctx);
            CustomerSendRequest send = body(ctx, CustomerSendRequest.class);
            json(ctx, customers.send(claims, send.clientMessageId(), send.text()));
        });
        app.get("/v1/customer/events", ctx -> json(ctx,
                customers.events(customer(ctx), longParam(ctx, "after"), limit(ctx))));

        app.post("/admin/wipe", ctx -> {
            admin(ctx);
            String[] epochs = store.wipe();
            json(ctx, new WipeResponse(epochs[0], epochs[1]));
        });
        app.post("/admin/drop-connections", ctx -> {
            admin(ctx);
            json(ctx, new AdminResult("drop-connections", store.dropConnections()));
        });
        app.post("/admin/expire-tokens", ctx -> {
            admin(ctx);
            tokens.expireAccessTokens();
            json(ctx, new AdminResult("expire-tokens", store.kickExpiredTokens(true)));
        });
    }

    void json(Context ctx, Object value) {
        ctx.header("Holdfast-Epoch", store.epoch());
        ctx.contentType("application/json");
        ctx.result(Wire.encodeBytes(value));
    }

    static <T> T body(Context ctx, Class<T> type) {
        long declared = ctx.contentLength();
        if (declared > Limits.MAX_BODY_BYTES) {
            throw new ProtocolException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "body of " + declared + " bytes exceeds the limit of " + Limits.MAX_BODY_BYTES);
        }
        return Wire.decode(ctx.bodyAsBytes(), type, Limits.MAX_BODY_BYTES);
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() == 7) {
            throw new ProtocolException(ErrorCode.UNAUTHENTICATED, "missing Authorization: Bearer token");
        }
        return header.substring(7).trim();
    }

    AccessClaims agent(Context ctx) {
        return tokens.verifyAccess(bearer(ctx));
    }

    private CustomerClaims customer(Context ctx) {
        return tokens.verifyCustomer(bearer(ctx));
    }

    private void admin(Context ctx) {
        if (adminToken == null) {
            throw new ProtocolException(ErrorCode.NOT_FOUND, "admin endpoints are disabled (start with --admin-token)");
        }
        byte[] given = bearer(ctx).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, adminToken.getBytes(StandardCharsets.UTF_8))) {
            throw new ProtocolException(ErrorCode.UNAUTHENTICATED, "wrong admin token");
        }
    }

    static Long longParam(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, name + " must be an integer, not " + value);
        }
    }

    private static int limit(Context ctx) {
        Long limit = longParam(ctx, "limit");
        if (limit == null) {
            return 200;
        }
        if (limit < 1 || limit > Limits.MAX_PAGE_EVENTS) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "limit must be between 1 and " + Limits.MAX_PAGE_EVENTS);
        }
        return limit.intValue();
    }
}
