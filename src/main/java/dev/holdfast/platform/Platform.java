package dev.holdfast.platform;

import dev.holdfast.platform.audit.AuditLog;
import dev.holdfast.platform.audit.MemoryAuditLog;
import dev.holdfast.platform.audit.SqliteAuditLog;
import dev.holdfast.platform.auth.AccountDirectory;
import dev.holdfast.platform.auth.LoginRateLimiter;
import dev.holdfast.platform.auth.LoginService;
import dev.holdfast.platform.auth.MemoryRefreshLedger;
import dev.holdfast.platform.auth.PlatformKeys;
import dev.holdfast.platform.auth.ReceiptSigner;
import dev.holdfast.platform.auth.RefreshLedger;
import dev.holdfast.platform.auth.SqliteRefreshLedger;
import dev.holdfast.platform.auth.TokenService;
import dev.holdfast.platform.config.ConfigException;
import dev.holdfast.platform.config.PlatformConfig;
import dev.holdfast.platform.live.AgentActions;
import dev.holdfast.platform.live.CustomerActions;
import dev.holdfast.platform.live.LiveStore;
import dev.holdfast.platform.live.Maintenance;
import dev.holdfast.platform.live.Oversight;
import dev.holdfast.platform.live.Persistence;
import dev.holdfast.platform.live.RestoreService;
import dev.holdfast.platform.live.SqlitePersistence;
import dev.holdfast.platform.live.StoreException;
import dev.holdfast.platform.sim.CustomerSimulator;
import dev.holdfast.platform.supervision.AutomaticPolicies;
import dev.holdfast.platform.supervision.BulkClose;
import dev.holdfast.platform.supervision.BulkReassign;
import dev.holdfast.platform.supervision.Judgement;
import dev.holdfast.platform.supervision.SupervisorBoard;
import dev.holdfast.platform.web.PlatformServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reference chat platform, assembled and running; {@link #close()} stops all of it. */
public final class Platform implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Platform.class);

    /**
     * How to run it. {@code store} is "memory" or "sqlite:PATH"; {@code config} null means the
     * demo accounts (loopback only); {@code tickMillis} 0 leaves the timers to the caller
     * (tests drive {@link #maintenance()} with a fake clock).
     */
    public record Options(String host, int port, String store, Path config, Path dataDir, String adminToken,
                          int simulate, Clock clock, long tickMillis) {
        public static Options loopback(Path dataDir) {
            return new Options("127.0.0.1", 0, "memory", null, dataDir, null, 0, Clock.systemUTC(), 1000);
        }

        public Options withStore(String newStore) {
            return new Options(host, port, newStore, config, dataDir, adminToken, simulate, clock, tickMillis);
        }

        public Options withAdminToken(String token) {
            return new Options(host, port, store, config, dataDir, token, simulate, clock, tickMillis);
        }

        public Options withClock(Clock newClock, long newTickMillis) {
            return new Options(host, port, store, config, dataDir, adminToken, simulate, newClock, newTickMillis);
        }

        public Options withPort(int newPort) {
            return new Options(host, newPort, store, config, dataDir, adminToken, simulate, clock, tickMillis);
        }

        public Options withConfig(Path file) {
            return new Options(host, port, store, file, dataDir, adminToken, simulate, clock, tickMillis);
        }
    }

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final LiveStore store;
    private final Maintenance maintenance;
    private final AutomaticPolicies automaticPolicies;
    private final AuditLog audit;
    private final TokenService tokens;
    private final PlatformServer server;
    private final URI baseUri;
    private final CustomerSimulator simulator;

    private Platform(Options options) throws StartupException {
        try {
            PlatformConfig config = loadConfig(options);
            PlatformKeys keys = PlatformKeys.loadOrCreate(options.dataDir().resolve("platform.key"));
            Persistence persistence = openStore(options.store());
            resources.add(persistence);
            RefreshLedger ledger = persistence instanceof SqlitePersistence
                    ? new SqliteRefreshLedger(storePath(options.store())) : new MemoryRefreshLedger();
            if (ledger instanceof AutoCloseable closeable) {
                resources.add(closeable);
            }
            AccountDirectory accounts = new AccountDirectory(config);
            tokens = new TokenService(keys.tokenKey(), config.policies(), options.clock(), ledger);
            LoginService login = new LoginService(accounts, tokens, new LoginRateLimiter(options.clock()));
            store = new LiveStore(persistence, new ReceiptSigner(keys.receiptKey()), accounts, config.policies(),
                    options.clock());
            audit = openAuditLog(persistence, options.dataDir());
            resources.add(audit);
            AgentActions agents = new AgentActions(store, audit);
            CustomerActions customers = new CustomerActions(store, agents);
            RestoreService restore = new RestoreService(store, agents);
            maintenance = new Maintenance(store, agents);
            Oversight oversight = new Oversight(store, agents, audit);
            Judgement judgement = new Judgement(oversight, config.policies().staleness().rules());
            automaticPolicies = new AutomaticPolicies(oversight, judgement, config.policies().automatic());
            PlatformServer.Supervision supervision = new PlatformServer.Supervision(judgement.rules(),
                    new SupervisorBoard(oversight, judgement), new BulkClose(oversight, judgement),
                    new BulkReassign(oversight, judgement), audit);

            ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, r -> {
                Thread t = new Thread(r, "holdfast-platform-timers");
                t.setDaemon(true);
                return t;
            });
            resources.add(timers::shutdownNow);
            server = new PlatformServer(store, agents, customers, restore, login, tokens, accounts,
                    options.adminToken(), version(), timers, supervision);
            resources.add(server);
            server.start(options.host(), options.port());
            baseUri = URI.create("http://" + hostForUri(options.host()) + ":" + server.port());
            if (options.tickMillis() > 0) {
                timers.scheduleWithFixedDelay(this::tickSafely, options.tickMillis(), options.tickMillis(),
                        TimeUnit.MILLISECONDS);
            }
            if (options.simulate() > 0) {
                simulator = new CustomerSimulator(baseUri, options.simulate(), System.nanoTime());
                resources.add(simulator::close);
                simulator.start();
            } else {
                simulator = null;
            }
        } catch (IOException | ConfigException | StoreException e) {
            closeQuietly();
            throw new StartupException(e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    public static Platform start(Options options) throws StartupException {
        return new Platform(options);
    }

    private static PlatformConfig loadConfig(Options options) throws ConfigException, StartupException {
        if (options.config() != null) {
            return PlatformConfig.load(options.config());
        }
        if (!isLoopback(options.host())) {
            throw new StartupException("refusing to listen on " + options.host() + " with the demo accounts:"
                    + " give --config FILE with real accounts, or listen on 127.0.0.1", null);
        }
        return PlatformConfig.demo();
    }

    static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Persistence openStore(String spec) throws StoreException {
        if ("memory".equals(spec)) {
            return new Persistence.Volatile();
        }
        return new SqlitePersistence(storePath(spec));
    }

    /**
     * Durable beside the key file when the live store is durable; in memory (surviving wipes,
     * not restarts) with the memory store, which keeps nothing across restarts anyway.
     */
    private static AuditLog openAuditLog(Persistence persistence, Path dataDir) {
        return persistence instanceof SqlitePersistence
                ? new SqliteAuditLog(dataDir.resolve("audit.db")) : new MemoryAuditLog();
    }

    private static Path storePath(String spec) {
        return Path.of(spec.substring("sqlite:".length()));
    }

    /** Checks a --store value; returns an error message or null. */
    public static String checkStoreSpec(String spec) {
        if ("memory".equals(spec)) {
            return null;
        }
        if (spec != null && spec.startsWith("sqlite:") && spec.length() > "sqlite:".length()) {
            return null;
        }
        return "--store must be memory or sqlite:PATH, not " + spec;
    }

    private static String hostForUri(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private void tickSafely() {
        try {
            maintenance.tick();
            automaticPolicies.tick();
        } catch (RuntimeException e) {
            LOG.error("platform maintenance failed", e);
        }
    }

    public static String version() {
        String v = Platform.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return server.port();
    }

    public LiveStore store() {
        return store;
    }

    public Maintenance maintenance() {
        return maintenance;
    }

    /** The automatic policies; tests on a fake clock run {@code tick()} by hand, after maintenance's. */
    public AutomaticPolicies automaticPolicies() {
        return automaticPolicies;
    }

    public AuditLog audit() {
        return audit;
    }

    public TokenService tokens() {
        return tokens;
    }

    public CustomerSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
        resources.clear();
    }

    /** The platform cannot start; the message says why in words an operator can act on. */
    public static final class StartupException extends Exception {
        public StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
