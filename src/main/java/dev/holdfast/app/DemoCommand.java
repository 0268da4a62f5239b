package dev.holdfast.app;

import dev.holdfast.platform.Platform;
import dev.holdfast.ui.shell.HoldfastWindow;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code holdfast demo}: the panel on an embedded platform with a durable store and simulated
 * customers, the sign-in screen filled in for the demo agent. Everything lives under
 * {@code <data dir>/demo}, apart from a real desk's journals.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Open the panel on an embedded demo platform with simulated customers (English and Spanish).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Base directory; the demo uses DIR/demo (default: $HOLDFAST_HOME or the per-user data directory).")
    Path dataDir;

    static final int USUAL_PORT = 8480;

    @Option(names = "--port", paramLabel = "PORT",
            description = "The embedded platform's port; 0 picks a free one (default: " + USUAL_PORT
                    + ", or a free one when it is taken).")
    Integer port;

    @Option(names = "--simulate", defaultValue = "6", paramLabel = "N", description = "Simulated customers (default: ${DEFAULT-VALUE}).")
    int simulate;

    @CommandLine.Mixin
    PanelLookOptions look = new PanelLookOptions();

    @Override
    public Integer call() throws Exception {
        Path demo = DataDirectory.resolve(dataDir).resolve("demo");
        java.nio.file.Files.createDirectories(demo);
        Platform platform;
        try {
            platform = Platform.start(new Platform.Options("127.0.0.1", port != null ? port : usualPortOrAnyFree(),
                    "sqlite:" + demo.resolve("platform.db"), null, demo.resolve("platform"), null, simulate,
                    Clock.systemUTC(), 1000));
        } catch (Platform.StartupException e) {
            System.err.println("holdfast demo: " + e.getMessage());
            return 2;
        }
        System.out.println("Demo platform on " + platform.baseUri() + " (sign in as agent1, password demo)");
        // The installed launcher sets jpackage.app-path; from a build, the jar is the way in.
        String self = System.getProperty("jpackage.app-path") != null ? "holdfast" : "java -jar target/holdfast.jar";
        System.out.println("A second panel, as the supervisor: " + self + " panel --server "
                + platform.baseUri() + " --user supervisor1   (password demo)");
        try {
            return PanelWindowRunner.run(demo.resolve("desk"), PanelWindowRunner.messages(look.language, demo.resolve("desk")),
                    new HoldfastWindow.Prefill(platform.baseUri().toString(), "agent1", "demo"), look.dark);
        } finally {
            platform.close();
        }
    }

    /** The usual port, so that a second panel finds the demo without being told; else any free one. */
    private static int usualPortOrAnyFree() {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(USUAL_PORT, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return USUAL_PORT;
        } catch (java.io.IOException taken) {
            return 0;
        }
    }
}
