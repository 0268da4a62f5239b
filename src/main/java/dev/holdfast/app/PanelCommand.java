package dev.holdfast.app;

import dev.holdfast.ui.login.RememberedUser;
import dev.holdfast.ui.shell.HoldfastWindow;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code holdfast panel}: the agent's desktop panel, against a platform that runs elsewhere. */
@Command(name = "panel", mixinStandardHelpOptions = true, description = "Open the agent panel.")
final class PanelCommand implements Callable<Integer> {

    @Option(names = "--server", paramLabel = "URL",
            description = "The platform's base HTTP(S) URL (default: the last one used, else http://127.0.0.1:8480).")
    URI server;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the journal lives (default: $HOLDFAST_HOME or the per-user data directory).")
    Path dataDir;

    @Option(names = "--user", paramLabel = "NAME",
            description = "The user name to prefill (default: the remembered one).")
    String user;

    @CommandLine.Mixin
    PanelLookOptions look = new PanelLookOptions();

    @Override
    public Integer call() throws Exception {
        Path dir = DataDirectory.resolve(dataDir);
        var remembered = new RememberedUser(dir).load();
        String url = server != null ? server.toString()
                : remembered.map(RememberedUser.Entry::server).filter(s -> !s.isBlank()).orElse("http://127.0.0.1:8480");
        String name = user != null ? user : remembered.map(RememberedUser.Entry::user).orElse("");
        return PanelWindowRunner.run(dir, PanelWindowRunner.messages(look.language, dir),
                new HoldfastWindow.Prefill(url, name, null), look.dark);
    }
}
