package dev.holdfast.platform;

import dev.holdfast.protocol.Wire;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for tests. */
public final class Http {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    public record Response(int status, String body, HttpResponse<String> raw) {
        public <T> T as(Class<T> type) {
            if (status >= 300) {
                throw new AssertionError("HTTP " + status + ": " + body);
            }
            return Wire.decode(body, type);
        }

        public String errorCode() {
            return Wire.mapper().valueToTree(Wire.decode(body, java.util.Map.class)).path("error").path("code")
                    .asText();
        }
    }

    public Response get(String path, String token) {
        return send(builder(path, token).GET());
    }

    public Response post(String path, String token, Object body) {
        return postRaw(path, token, body == null ? new byte[0] : Wire.encodeBytes(body));
    }

    public Response postRaw(String path, String token, byte[] body) {
        return send(builder(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
