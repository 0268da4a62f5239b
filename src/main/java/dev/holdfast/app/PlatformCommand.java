package dev.holdfast.app;

import dev.holdfast.platform.Platform;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code holdfast platform}: runs the reference chat platform until stopped. */
@Command(name = "platform", mixinStandardHelpOptions = true,
        description = "Run the reference chat platform (HTTP and WebSocket on one port).")
final class PlatformCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8480", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--store", defaultValue = "memory", paramLabel = "memory|sqlite:PATH",
            description = "Live store: memory is volatile on purpose (it reproduces the incident); sqlite:PATH is durable (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--config", paramLabel = "FILE", description = "Accounts, teams and policies (JSON). Without it, the demo accounts agent1, agent2, agent3 and supervisor1 (password demo), on loopback only.")
    Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the key file lives (default: $HOLDFAST_HOME or the per-user data directory, under platform/).")
    Path dataDir;

    @Option(names = "--admin-token", paramLabel = "TOKEN", description = "Enables POST /admin/wipe, /admin/drop-connections and /admin/expire-tokens for this bearer token.")
    String adminToken;

    @Option(names = "--simulate", paramLabel = "N", defaultValue = "0", description = "Simulated customers writing in English and Spanish (default: ${DEFAULT-VALUE}).")
    int simulate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String storeProblem = Platform.checkStoreSpec(store);
        if (storeProblem != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), storeProblem);
        }
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
        }
        if (simulate < 0 || simulate > 10_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--simulate must be between 0 and 10000");
        }
        if (adminToken != null && adminToken.length() < 8) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--admin-token must be at least 8 characters");
        }
        Path dir = dataDir != null ? dataDir : DataDirectory.resolve(null).resolve("platform");
        Platform platform;
        try {
            platform = Platform.start(new Platform.Options(host, port, store, config, dir, adminToken, simulate,
                    Clock.systemUTC(), 1000));
        } catch (Platform.StartupException e) {
            System.err.println("holdfast platform: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "holdfast-shutdown"));
        System.out.println("Holdfast platform listening on " + platform.baseUri()
                + " (store " + platform.store().storeKind() + ", epoch " + platform.store().epoch() + ")");
        if (config == null) {
            System.out.println("Demo accounts: agent1, agent2, agent3, supervisor1 (password: demo)");
        }
        if (simulate > 0) {
            System.out.println("Simulating " + simulate + " customers");
        }
        System.out.flush();
        stopped.await();
        return 0;
    }
}
