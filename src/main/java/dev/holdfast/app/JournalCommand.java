package dev.holdfast.app;

import dev.holdfast.client.journal.IntegrityReport;
import dev.holdfast.client.journal.JournalException;
import dev.holdfast.client.journal.JournalLocation;
import dev.holdfast.client.journal.sqlite.SqliteJournal;
import dev.holdfast.protocol.Wire;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code holdfast journal verify|export}: for support and backups. */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "Check a user's local journal (verify: non-zero exit on a problem) or export it as JSON (export).")
final class JournalCommand implements Callable<Integer> {

    enum Action { verify, export }

    @Parameters(index = "0", paramLabel = "verify|export", description = "What to do: ${COMPLETION-CANDIDATES}.")
    Action action;

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The platform the journal belongs to.")
    URI server;

    @Option(names = "--user", required = true, paramLabel = "USER")
    String user;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where journals live (default: $HOLDFAST_HOME or the per-user data directory).")
    Path dataDir;

    @Override
    public Integer call() {
        Path file = JournalLocation.fileFor(DataDirectory.resolve(dataDir), server, user);
        if (!Files.exists(file)) {
            System.err.println("holdfast journal: no journal for " + user + " on " + server + " (looked for " + file + ")");
            return 2;
        }
        if (action == Action.verify) {
            return verify(file);
        }
        // Read-only: works beside a panel that has the journal open, and changes nothing.
        try {
            System.out.println(Wire.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(SqliteJournal.exportReadOnly(file)));
            return 0;
        } catch (JournalException e) {
            System.err.println("holdfast journal: " + e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            System.err.println("holdfast journal: cannot write the export: " + e.getMessage());
            return 1;
        }
    }

    /** Read-only: a damaged journal is reported and left as it is (the desk rebuilds it at sign-in). */
    private Integer verify(Path file) {
        try {
            IntegrityReport report = SqliteJournal.check(file);
            if (report.ok()) {
                System.out.println("The journal at " + file + " is sound.");
                return 0;
            }
            System.out.println("The journal at " + file + " has problems; it was left as it is:");
            report.problems().forEach(p -> System.out.println("problem: " + p));
            return 1;
        } catch (JournalException e) {
            System.err.println("holdfast journal: " + e.getMessage());
            return 1;
        }
    }
}
