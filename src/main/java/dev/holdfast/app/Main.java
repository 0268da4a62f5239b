package dev.holdfast.app;

import dev.holdfast.platform.Platform;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar holdfast.jar <command> [options]}. */
@Command(name = "holdfast", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Holdfast: a desk for customer-chat agents that loses nothing, and its reference platform.",
        subcommands = {DemoCommand.class, PanelCommand.class, PlatformCommand.class, AgentCommand.class, JournalCommand.class, HashPasswordCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main());
        // Every subcommand offers -V/--version (mixinStandardHelpOptions); let them all print it.
        line.getSubcommands().values()
                .forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
        return line;
    }

    @Override
    public void run() {
        commandLine().usage(System.out);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"holdfast " + Platform.version()};
        }
    }
}
