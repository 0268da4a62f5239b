package dev.holdfast.client.api;

import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.ProtocolException;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.Wire;
import dev.holdfast.protocol.http.AgentList;
import dev.holdfast.protocol.http.ConversationList;
import dev.holdfast.protocol.http.ErrorBody;
import dev.holdfast.protocol.http.EventPage;
import dev.holdfast.protocol.http.Health;
import dev.holdfast.protocol.http.RefreshRequest;
import dev.holdfast.protocol.http.RestoreRequest;
import dev.holdfast.protocol.http.RestoreResponse;
import dev.holdfast.protocol.http.SendRequest;
import dev.holdfast.protocol.http.TokenResponse;
import dev.holdfast.protocol.http.UserInfo;
import dev.holdfast.protocol.http.VersionedAction;
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
import dev.holdfast.protocol.supervision.UndoResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import javax.net.ssl.SSLException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's HTTP API (protocol.md §4, §7, §11), one method per endpoint. Bodies are encoded
 * and decoded with {@link Wire}, so the client reads exactly what the protocol defines. Every
 * failure is an {@link ApiException}.
 *
 * <p>Calls block until the platform answers or a timeout passes (connect 5 s, read 15 s, restore
 * 60 s): call them from a worker, never from the core thread or the FX thread. Instances are
 * thread-safe and hold no per-user state; tokens are passed in on every call.
 *
 * <p>Nothing here logs a token, a password or a request body: the log gets method, path and
 * status.
 */
public final class PlatformApi {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);
    /** Answers are never this large; a bigger one is a broken platform, not data to keep in memory. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Logger LOG = LoggerFactory.getLogger(PlatformApi.class);

    private final HttpUrl base;
    private final OkHttpClient client;
    /** The same client (shared pool and dispatcher) with room for a 16 MiB upload and its merge. */
    private final OkHttpClient restoreClient;

    /** With {@link #defaultClient()}. */
    public PlatformApi(URI baseUrl) {
        this(baseUrl, defaultClient());
    }

    /**
     * {@code baseUrl} is what the platform prints at start, e.g. {@code http://127.0.0.1:8480}.
     * {@code client} is used as configured; restore raises its read and write timeouts to at
     * least {@link #RESTORE_TIMEOUT}.
     */
    public PlatformApi(URI baseUrl, OkHttpClient client) {
        this.base = HttpUrl.get(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.client = Objects.requireNonNull(client, "client");
        this.restoreClient = client.newBuilder()
                .readTimeout(max(RESTORE_TIMEOUT, Duration.ofMillis(client.readTimeoutMillis())))
                .writeTimeout(max(RESTORE_TIMEOUT, Duration.ofMillis(client.writeTimeoutMillis())))
                .build();
    }

    /** Connect 5 s, read and write 15 s; sockets with Nagle's algorithm off ({@link NoDelaySockets}). */
    public static OkHttpClient defaultClient() {
        return new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(READ_TIMEOUT)
                .socketFactory(new NoDelaySockets())
                .build();
    }

    // ---- health and authentication -------------------------------------------------------------

    public Health health() {
        return call(get("health", null), Health.class);
    }

    /**
     * Signs in. The caller keeps and zeroes {@code password}; it never becomes a String here.
     * A wrong password is {@link ErrorCode#UNAUTHENTICATED}, a lock {@link ErrorCode#RATE_LIMITED}.
     */
    public TokenResponse login(String username, char[] password, String deviceId) {
        byte[] body = LoginBody.encode(username, password, deviceId);
        try {
            return call(client, post("v1/auth/login", null, new Body(body, true)), true, TokenResponse.class);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /**
     * Spends {@code refreshToken} for a new pair. Not safe to repeat: presenting the same refresh
     * token twice revokes its family, so after a network failure the caller must not retry with
     * the same token blindly (protocol.md §4.2). The request is marked one-shot so that OkHttp
     * never repeats it on its own either.
     */
    public TokenResponse refresh(String refreshToken) {
        return call(client, post("v1/auth/refresh", null, new Body(Wire.encodeBytes(new RefreshRequest(refreshToken)),
                true)), false, TokenResponse.class);
    }

    /** Revokes the refresh token's family. Access tokens already issued run to their expiry. */
    public void logout(String refreshToken) {
        call(client, post("v1/auth/logout", null, new Body(Wire.encodeBytes(new RefreshRequest(refreshToken)), true)),
                false, Void.class);
    }

    public UserInfo me(String accessToken) {
        return call(get("v1/me", accessToken), UserInfo.class);
    }

    // ---- conversations -------------------------------------------------------------------------

    public ConversationList conversations(String accessToken, Scope scope) {
        HttpUrl url = url("v1/conversations").newBuilder().addQueryParameter("scope", scope.wire()).build();
        return call(request(url, accessToken).get().build(), ConversationList.class);
    }

    public ConversationSummary conversation(String accessToken, String conversationId) {
        return call(get(conversationUrl(conversationId, null), accessToken), ConversationSummary.class);
    }

    /** Events with {@code seq > afterSeq}, ascending, at most {@code limit} (1 to 500). */
    public EventPage eventsAfter(String accessToken, String conversationId, long afterSeq, int limit) {
        return events(accessToken, conversationId, "after", afterSeq, limit);
    }

    /** The {@code limit} events just before {@code beforeSeq}, ascending (older history). */
    public EventPage eventsBefore(String accessToken, String conversationId, long beforeSeq, int limit) {
        return events(accessToken, conversationId, "before", beforeSeq, limit);
    }

    private EventPage events(String accessToken, String conversationId, String direction, long seq, int limit) {
        HttpUrl url = conversationUrl(conversationId, "events").newBuilder()
                .addQueryParameter(direction, Long.toString(seq))
                .addQueryParameter("limit", Integer.toString(limit))
                .build();
        return call(get(url, accessToken), EventPage.class);
    }

    /**
     * Sends a message over HTTP. Idempotent on (device id, client message id): resending the same
     * request returns the original ack, so retrying after any failure is safe.
     */
    public ServerFrame.Ack send(String accessToken, String conversationId, SendRequest request) {
        Request http = post(conversationUrl(conversationId, "messages"), accessToken, json(request));
        ServerFrame frame = call(client, http, false, ServerFrame.class);
        if (frame instanceof ServerFrame.Ack ack) {
            return ack;
        }
        throw ApiException.answered(describe(http), false, 200, ErrorCode.INTERNAL,
                "expected an ack, got " + frame.getClass().getSimpleName(), null);
    }

    public ConversationSummary accept(String accessToken, String conversationId, VersionedAction action) {
        return action(accessToken, conversationId, "accept", action);
    }

    public ConversationSummary transfer(String accessToken, String conversationId, VersionedAction action) {
        return action(accessToken, conversationId, "transfer", action);
    }

    public ConversationSummary close(String accessToken, String conversationId, VersionedAction action) {
        return action(accessToken, conversationId, "close", action);
    }

    public ConversationSummary reopen(String accessToken, String conversationId, VersionedAction action) {
        return action(accessToken, conversationId, "reopen", action);
    }

    public ConversationSummary reassign(String accessToken, String conversationId, VersionedAction action) {
        return action(accessToken, conversationId, "reassign", action);
    }

    private ConversationSummary action(String accessToken, String conversationId, String verb,
                                       VersionedAction action) {
        return call(post(conversationUrl(conversationId, verb), accessToken, json(action)), ConversationSummary.class);
    }

    public AgentList agents(String accessToken) {
        return call(get("v1/agents", accessToken), AgentList.class);
    }

    /** Uploads held conversations after an epoch change (protocol.md §11); up to 60 s. */
    public RestoreResponse restore(String accessToken, RestoreRequest request) {
        return call(restoreClient, post(url("v1/restore"), accessToken, json(request)), false, RestoreResponse.class);
    }

    // ---- supervision (supervisors and admins; FORBIDDEN for agents) ------------------------------

    public StaleRules staleRules(String accessToken) {
        return call(get("v1/supervisor/rules", accessToken), StaleRules.class);
    }

    public Board board(String accessToken) {
        return call(get("v1/supervisor/board", accessToken), Board.class);
    }

    public AgentBoard agentBoard(String accessToken) {
        return call(get("v1/supervisor/agents", accessToken), AgentBoard.class);
    }

    /** A dry run: nothing changes on the platform. */
    public ClosePreview closePreview(String accessToken, ClosePreviewRequest request) {
        return call(post("v1/supervisor/close/preview", accessToken, json(request)), ClosePreview.class);
    }

    /** The platform re-checks every target's version and handling, and skips with a reason what changed. */
    public BulkCloseResult bulkClose(String accessToken, BulkCloseRequest request) {
        return call(post("v1/supervisor/close", accessToken, json(request)), BulkCloseResult.class);
    }

    /** CONFLICT once the batch's five minutes are over. */
    public UndoResult undoClose(String accessToken, String batchId) {
        HttpUrl url = base.newBuilder().addPathSegments("v1/supervisor/close").addPathSegment(batchId)
                .addPathSegment("undo").build();
        return call(post(url, accessToken, json(java.util.Map.of())), UndoResult.class);
    }

    public BulkReassignResult bulkReassign(String accessToken, BulkReassignRequest request) {
        return call(post("v1/supervisor/reassign", accessToken, json(request)), BulkReassignResult.class);
    }

    /** Newest first; {@code before} (an entry id) pages back, null for the newest page. */
    public AuditPage audit(String accessToken, Long before, int limit) {
        HttpUrl.Builder url = url("v1/supervisor/audit").newBuilder()
                .addQueryParameter("limit", Integer.toString(limit));
        if (before != null) {
            url.addQueryParameter("before", Long.toString(before));
        }
        return call(get(url.build(), accessToken), AuditPage.class);
    }

    /** The whole audit log as the platform's CSV (UTF-8), byte for byte. */
    public byte[] auditCsv(String accessToken) {
        return call(get("v1/supervisor/audit.csv", accessToken), byte[].class);
    }

    // ---- plumbing ------------------------------------------------------------------------------

    private HttpUrl url(String path) {
        return base.newBuilder().addPathSegments(path).build();
    }

    /** Conversation ids are opaque: they go in as one encoded path segment, whatever they hold. */
    private HttpUrl conversationUrl(String conversationId, String tail) {
        HttpUrl.Builder b = base.newBuilder().addPathSegments("v1/conversations").addPathSegment(conversationId);
        if (tail != null) {
            b.addPathSegment(tail);
        }
        return b.build();
    }

    private static Request.Builder request(HttpUrl url, String accessToken) {
        Request.Builder b = new Request.Builder().url(url).header("Accept", "application/json");
        if (accessToken != null) {
            b.header("Authorization", "Bearer " + accessToken);
        }
        return b;
    }

    private Request get(String path, String accessToken) {
        return get(url(path), accessToken);
    }

    private static Request get(HttpUrl url, String accessToken) {
        return request(url, accessToken).get().build();
    }

    private Request post(String path, String accessToken, RequestBody body) {
        return post(url(path), accessToken, body);
    }

    private static Request post(HttpUrl url, String accessToken, RequestBody body) {
        return request(url, accessToken).post(body).build();
    }

    private static RequestBody json(Object value) {
        return new Body(Wire.encodeBytes(value), false);
    }

    private <T> T call(Request request, Class<T> type) {
        return call(client, request, false, type);
    }

    /**
     * Runs one exchange. {@code signIn} marks the login, where UNAUTHENTICATED means a wrong
     * password rather than a sign-in that is no longer accepted.
     */
    private <T> T call(OkHttpClient via, Request request, boolean signIn, Class<T> type) {
        String operation = describe(request);
        byte[] answer;
        int status;
        String retryAfterHeader;
        String contentType;
        try (Response response = via.newCall(request).execute()) {
            status = response.code();
            retryAfterHeader = response.header("Retry-After");
            contentType = response.header("Content-Type");
            answer = response.body().bytes();
        } catch (IOException e) {
            LOG.debug("{} failed: {}", operation, e.toString());
            throw ApiException.network(operation, signIn, isUnreachable(e), e);
        }
        LOG.debug("{} -> {}", operation, status);
        if (status >= 200 && status < 300) {
            if (type == Void.class) {
                return null;
            }
            if (type == byte[].class) {
                return type.cast(answer); // a file to save as it is (the audit CSV), not JSON
            }
            try {
                return Wire.decode(answer, type, MAX_ANSWER_BYTES);
            } catch (ProtocolException e) {
                throw ApiException.answered(operation, signIn, status, ErrorCode.INTERNAL,
                        "the answer is not a valid " + type.getSimpleName() + ": " + e.getMessage(), null);
            }
        }
        throw errorAnswer(operation, signIn, status, answer, retryAfterHeader, contentType);
    }

    private static ApiException errorAnswer(String operation, boolean signIn, int status, byte[] answer,
                                            String retryAfterHeader, String contentType) {
        Long headerRetry = retryAfterMillis(retryAfterHeader);
        ErrorBody error;
        try {
            error = Wire.decode(answer, ErrorBody.class, MAX_ANSWER_BYTES);
        } catch (ProtocolException e) {
            // A proxy's HTML page, an empty 502, a truncated body: still a clear failure, by status.
            // The body itself stays out of the message: it is not ours to log.
            return ApiException.answered(operation, signIn, status, ErrorCode.INTERNAL,
                    "the answer is not Holdfast error JSON (" + (contentType == null ? "no content type" : contentType)
                            + ", " + answer.length + " bytes)", headerRetry);
        }
        ErrorBody.Detail d = error.error();
        return ApiException.answered(operation, signIn, status, d.code(), d.message(),
                d.retryAfterMs() != null ? d.retryAfterMs() : headerRetry);
    }

    /** {@code Retry-After} in seconds; an HTTP date or garbage counts as absent. */
    private static Long retryAfterMillis(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds < 0 ? null : seconds * 1000;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Could not reach the platform at all (as opposed to a connection that broke mid-answer). */
    private static boolean isUnreachable(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof UnknownHostException || t instanceof SocketTimeoutException
                    || t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Request request) {
        return request.method() + " " + request.url().encodedPath();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * A JSON body. One-shot bodies are never replayed by OkHttp (its silent retry on a broken
     * pooled connection would present a refresh token twice and revoke the user's sign-in).
     */
    private static final class Body extends RequestBody {
        private final byte[] bytes;
        private final boolean oneShot;

        Body(byte[] bytes, boolean oneShot) {
            this.bytes = bytes;
            this.oneShot = oneShot;
        }

        @Override
        public MediaType contentType() {
            return JSON;
        }

        @Override
        public long contentLength() {
            return bytes.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            sink.write(bytes);
        }

        @Override
        public boolean isOneShot() {
            return oneShot;
        }
    }
}
