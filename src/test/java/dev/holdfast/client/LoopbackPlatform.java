package dev.holdfast.client;

import dev.holdfast.platform.Http;
import dev.holdfast.platform.Platform;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSendRequest;
import dev.holdfast.protocol.http.CustomerSession;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A real reference platform on a free loopback port, with its real clock and timers, for client
 * tests. Customers and admin calls go through plain HTTP, as an outside widget and an operator
 * would; the client under test uses its own code. Close it in every test.
 */
public final class LoopbackPlatform implements AutoCloseable {
    public static final String ADMIN = "admin-token-for-tests";

    public final Platform platform;
    public final Http http;

    private LoopbackPlatform(Platform platform) {
        this.platform = platform;
        this.http = new Http(platform.baseUri());
    }

    public static LoopbackPlatform start(Path dataDir) throws Platform.StartupException {
        return new LoopbackPlatform(Platform.start(Platform.Options.loopback(dataDir).withAdminToken(ADMIN)));
    }

    /** Another platform on a given port (e.g. the port of one that was closed), same data directory. */
    public static LoopbackPlatform startOnPort(Path dataDir, int port) throws Platform.StartupException {
        return new LoopbackPlatform(Platform.start(Platform.Options.loopback(dataDir).withAdminToken(ADMIN)
                .withPort(port)));
    }

    public URI baseUri() {
        return platform.baseUri();
    }

    public URI wsUri() {
        return URI.create("ws://" + platform.baseUri().getHost() + ":" + platform.port() + "/v1/ws");
    }

    public int port() {
        return platform.port();
    }

    public CustomerSession openCustomer(String name) {
        return http.post("/v1/customer/conversations", null,
                new CustomerOpenRequest(name, "en", "web", List.of())).as(CustomerSession.class);
    }

    public void customerSays(CustomerSession customer, String text) {
        Http.Response r = http.post("/v1/customer/messages", customer.customerToken(),
                new CustomerSendRequest(UUID.randomUUID().toString(), text));
        if (r.status() != 200) {
            throw new AssertionError("customer send failed: HTTP " + r.status() + " " + r.body());
        }
    }

    /** POST /admin/{action}, e.g. "drop-connections", "expire-tokens", "wipe". */
    public Http.Response admin(String action) {
        Http.Response r = http.post("/admin/" + action, ADMIN, null);
        if (r.status() != 200) {
            throw new AssertionError("admin " + action + " failed: HTTP " + r.status() + " " + r.body());
        }
        return r;
    }

    @Override
    public void close() {
        platform.close();
    }
}
