package dev.holdfast.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.holdfast.client.common.Problem;
import dev.holdfast.protocol.ErrorCode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a proxy or a broken platform may answer: still a clear ApiException, by status. */
class UnexpectedAnswersTest {
    private HttpServer server;
    private PlatformApi api;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            byte[] page = "<html><body>Bad gateway</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(502, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.createContext("/v1/me", exchange -> {
            byte[] body = "{\"id\": 5}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/v1/agents", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "7");
            exchange.sendResponseHeaders(429, -1);
            exchange.close();
        });
        server.start();
        api = new PlatformApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anHtmlErrorPageIsInternalWithItsStatus() {
        ApiException e = catchThrowableOfType(ApiException.class, api::health);
        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.unreachable()).isFalse();
        assertThat(e.getMessage()).contains("502").contains("text/html").doesNotContain("Bad gateway");
        assertThat(e.problem().kind()).isEqualTo(Problem.Kind.TRANSIENT);
        assertThat(e.problem().userMessage()).contains("HTTP 502");
    }

    @Test
    void aSuccessThatDoesNotDecodeIsInternal() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> api.me("token"));
        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.getMessage()).contains("UserInfo");
    }

    @Test
    void anEmptyErrorKeepsTheRetryAfterHeader() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> api.agents("token"));
        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryAfterMs()).isEqualTo(7000L);
    }

    @Test
    void anUnknownHostIsUnreachable() {
        PlatformApi nowhere = new PlatformApi(URI.create("http://holdfast-no-such-host.invalid:1"));
        ApiException e = catchThrowableOfType(ApiException.class, nowhere::health);
        assertThat(e.unreachable()).isTrue();
        assertThat(e.problem().userMessage()).isEqualTo("The platform cannot be reached");
    }
}
