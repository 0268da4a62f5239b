package dev.holdfast.platform.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.Wire;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSession;
import dev.holdfast.protocol.http.ErrorBody;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny customer endpoint on 127.0.0.1 and a free port, on the JDK's HttpServer: answers
 * POST /v1/customer/conversations like the platform. The JDK has no WebSocket server, so
 * /v1/customer/ws refuses the upgrade with 404 (and counts the attempts).
 */
final class FakeCustomerEndpoint implements AutoCloseable {
    final List<CustomerOpenRequest> opened = new CopyOnWriteArrayList<>();
    final AtomicInteger upgrades = new AtomicInteger();
    volatile boolean rateLimited;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    FakeCustomerEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/v1/customer/conversations", this::open);
        server.createContext("/v1/customer/ws", exchange -> {
            upgrades.incrementAndGet();
            respond(exchange, 404, Wire.encodeBytes(ErrorBody.of(ErrorCode.NOT_FOUND, "no websockets here")));
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void open(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())
                || !"application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            respond(exchange, 400, Wire.encodeBytes(ErrorBody.of(ErrorCode.BAD_REQUEST, "POST JSON please")));
            return;
        }
        if (rateLimited) {
            respond(exchange, 429, Wire.encodeBytes(new ErrorBody(
                    new ErrorBody.Detail(ErrorCode.RATE_LIMITED, "too many", 1_500L, null))));
            return;
        }
        CustomerOpenRequest request = Wire.decode(exchange.getRequestBody().readAllBytes(),
                CustomerOpenRequest.class, 65_536);
        opened.add(request);
        int n = opened.size();
        CustomerInfo customer = new CustomerInfo("cust-" + n, request.name(), request.language(), request.channel(),
                request.tags());
        CustomerSession session = new CustomerSession("conv-" + n, "cust-" + n, "token-" + n,
                new ConversationSummary("conv-" + n, ConversationStatus.QUEUED, null, 1, 1, 1, customer, 0, 0,
                        AuthorKind.CUSTOMER, null, false));
        respond(exchange, 200, Wire.encodeBytes(session));
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
