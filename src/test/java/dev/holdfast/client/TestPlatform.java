package dev.holdfast.client;

import dev.holdfast.platform.Http;
import dev.holdfast.platform.Platform;
import dev.holdfast.platform.auth.PasswordHasher;
import dev.holdfast.protocol.http.LoginRequest;
import dev.holdfast.protocol.http.TokenResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real platform on loopback for client tests: demo-like accounts (password "demo") with a
 * chosen capacity, an admin token, and a supervisor's HTTP view to check what it holds.
 */
public final class TestPlatform implements AutoCloseable {
    public static final String ADMIN = "admin-token-for-tests";
    private static volatile String demoHash;

    public final Platform platform;
    public final Http http;
    private final Path dir;

    private TestPlatform(Path dir, Platform platform) {
        this.dir = dir;
        this.platform = platform;
        this.http = new Http(platform.baseUri());
    }

    public static TestPlatform start(Path dir, String store, int capacity) throws Exception {
        return start(dir, store, capacity, 0);
    }

    public static TestPlatform start(Path dir, String store, int capacity, int port) throws Exception {
        Path config = writeConfig(dir, capacity);
        Platform p = Platform.start(Platform.Options.loopback(dir.resolve("platform")).withStore(store)
                .withAdminToken(ADMIN).withConfig(config).withPort(port));
        return new TestPlatform(dir, p);
    }

    /** On a clock the test moves (messages "written yesterday"); the memory store. */
    public static TestPlatform start(Path dir, int capacity, java.time.Clock clock) throws Exception {
        Path config = writeConfig(dir, capacity);
        Platform p = Platform.start(Platform.Options.loopback(dir.resolve("platform")).withStore("memory")
                .withAdminToken(ADMIN).withConfig(config).withClock(clock, 1000));
        return new TestPlatform(dir, p);
    }

    /**
     * On a clock the test moves, with extra policies (JSON members, e.g. an "automatic" object),
     * and no timers: the test runs {@link #tick()}.
     */
    public static TestPlatform start(Path dir, String store, int capacity, java.time.Clock clock, String morePolicies)
            throws Exception {
        Path config = writeConfig(dir, capacity, morePolicies);
        Platform p = Platform.start(Platform.Options.loopback(dir.resolve("platform")).withStore(store)
                .withAdminToken(ADMIN).withConfig(config).withClock(clock, 0));
        return new TestPlatform(dir, p);
    }

    /** One round of the platform's timers: maintenance, then the automatic policies. */
    public void tick() {
        platform.maintenance().tick();
        platform.automaticPolicies().tick();
    }

    /** The same accounts as the demo, with another capacity; written once per directory. */
    static Path writeConfig(Path dir, int capacity) {
        return writeConfig(dir, capacity, null);
    }

    /** The demo's accounts (password "demo") with this capacity and these extra policies (JSON members, or null). */
    public static Path writeConfig(Path dir, int capacity, String morePolicies) {
        Path file = dir.resolve("platform-config.json");
        if (demoHash == null) {
            demoHash = PasswordHasher.hash("demo".toCharArray());
        }
        StringBuilder accounts = new StringBuilder();
        for (String agent : new String[] {"agent1", "agent2", "agent3"}) {
            accounts.append("{\"username\":\"").append(agent).append("\",\"role\":\"agent\",\"passwordHash\":\"")
                    .append(demoHash).append("\",\"teams\":[\"support\"]},");
        }
        accounts.append("{\"username\":\"supervisor1\",\"role\":\"supervisor\",\"passwordHash\":\"").append(demoHash)
                .append("\",\"teams\":[\"support\"]}");
        String json = "{\"teams\":[{\"id\":\"support\",\"name\":\"Support\"}],\"accounts\":[" + accounts
                + "],\"policies\":{\"agentCapacity\":" + capacity
                + (morePolicies == null ? "" : "," + morePolicies) + "}}";
        try {
            Files.createDirectories(dir);
            Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public String supervisorToken() {
        return http.post("/v1/auth/login", null, new LoginRequest("supervisor1", "demo", "test-supervisor"))
                .as(TokenResponse.class).accessToken();
    }

    public String wipe() {
        return http.post("/admin/wipe", ADMIN, null).as(dev.holdfast.protocol.http.WipeResponse.class).newEpoch();
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        platform.close();
    }
}
