package dev.holdfast.client.journal.bench;

import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.client.journal.sqlite.SqliteJournal;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.EventKind;
import dev.holdfast.protocol.Wire;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * The journal's write path against raw sqlite-jdbc doing the same inserts with the same pragmas
 * (WAL, synchronous=FULL, foreign_keys) on a file with the same schema: the raw numbers are the
 * limit, and the journal should reach at least 70% of them.
 *
 * <ul>
 *   <li>{@code enqueue*}: one durable outgoing message per call (one commit, one fsync), as latency
 *       samples (p50/p99).</li>
 *   <li>{@code applyEvents*}: 100 events of one conversation per call, in one transaction, as
 *       throughput. Both sides build the same 100 event records and encode them with
 *       {@link Wire#encode}; the raw side then only inserts them, the journal also upserts by id and
 *       seq and recomputes the cursor.</li>
 * </ul>
 *
 * <p>Files go to {@code -Dholdfast.bench.dir} (default: the system temp directory); use a directory on
 * the disk the journal will live on, since fsync dominates. Run (see docs/performance.md):
 *
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.holdfast.client.journal.bench.JournalBenchmark
 * </pre>
 *
 * Arguments are JMH's own (for example {@code -f 1 -wi 2 -i 3 -w 2s -r 2s}); the defaults are those.
 * {@code -Dholdfast.bench.rounds=3} repeats the comparison with the order of journal and raw
 * alternating, and prints the median ratio: on a shared machine the disk's fsync latency drifts by
 * several times within a minute, so one sequential run can favour either side.
 * {@code -Dholdfast.bench.paired=N} adds a cross-check outside JMH that alternates journal and raw
 * call by call (see {@link #paired}).
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class JournalBenchmark {
    static final String CONVERSATION = "c-bench";
    static final String TEXT = "Thanks for waiting, I have checked your order and it left the warehouse this morning.";
    static final int BATCH = 100;
    private static final Author CUSTOMER = new Author(AuthorKind.CUSTOMER, "cust-bench", "Bench Customer");

    /** 100 new message events after {@code lastSeq}, as the platform would replay them. */
    static List<ConversationEvent> batchAfter(long lastSeq) {
        List<ConversationEvent> events = new ArrayList<>(BATCH);
        for (long seq = lastSeq + 1; seq <= lastSeq + BATCH; seq++) {
            events.add(new ConversationEvent("e-" + seq, CONVERSATION, seq, EventKind.MESSAGE, 1_790_000_000_000L + seq,
                    CUSTOMER, TEXT, null, null, null, null, null, "receipt-" + seq));
        }
        return events;
    }

    static Path benchDirectory() throws IOException {
        Path parent = Paths.get(System.getProperty("holdfast.bench.dir", System.getProperty("java.io.tmpdir")));
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, "holdfast-journal-bench-");
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @State(Scope.Thread)
    public static class JournalState {
        Path dir;
        SqliteJournal journal;
        long now;
        long lastSeq;

        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = benchDirectory();
            journal = SqliteJournal.open(dir.resolve("journal.db"), Clock.systemUTC());
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            journal.close();
            deleteTree(dir);
        }
    }

    @State(Scope.Thread)
    public static class RawState {
        Path dir;
        Connection db;
        PreparedStatement insertOutbox;
        PreparedStatement insertEvent;
        Statement control;
        long now;
        long lastSeq;

        @Setup(Level.Trial)
        public void open() throws IOException, SQLException {
            dir = benchDirectory();
            Path file = dir.resolve("journal.db");
            // The same schema as the journal's: let the journal create the file, then only use raw JDBC.
            SqliteJournal.open(file, Clock.systemUTC()).close();
            db = DriverManager.getConnection("jdbc:sqlite:" + file);
            control = db.createStatement();
            control.execute("PRAGMA busy_timeout = 5000");
            try (ResultSet rs = control.executeQuery("PRAGMA journal_mode = WAL")) {
                rs.next();
            }
            control.execute("PRAGMA synchronous = FULL");
            control.execute("PRAGMA foreign_keys = ON");
            control.execute("INSERT INTO conversations (id) VALUES ('" + CONVERSATION + "')");
            insertOutbox = db.prepareStatement("INSERT INTO outbox (client_message_id, conversation_id, text, state,"
                    + " attempts, created_at, next_attempt_at) VALUES (?, ?, ?, 'QUEUED', 0, ?, ?)");
            insertEvent = db.prepareStatement("INSERT INTO events (conversation_id, id, seq, json) VALUES (?, ?, ?, ?)");
        }

        @TearDown(Level.Trial)
        public void close() throws IOException, SQLException {
            insertOutbox.close();
            insertEvent.close();
            control.close();
            db.close();
            deleteTree(dir);
        }
    }

    // ---- (a) one durable message ------------------------------------------------------------

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public OutboxEntry enqueueJournal(JournalState s) {
        return s.journal.enqueue(CONVERSATION, TEXT, ++s.now);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int enqueueRaw(RawState s) throws SQLException {
        long now = ++s.now;
        PreparedStatement ps = s.insertOutbox;
        ps.setString(1, "raw-" + now);
        ps.setString(2, CONVERSATION);
        ps.setString(3, TEXT);
        ps.setLong(4, now);
        ps.setLong(5, now);
        return ps.executeUpdate(); // autocommit: one transaction, synced
    }

    // ---- (b) 100 events per transaction -----------------------------------------------------

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long applyEventsJournal(JournalState s) {
        List<ConversationEvent> batch = batchAfter(s.lastSeq);
        s.lastSeq += BATCH;
        return s.journal.applyEvents(CONVERSATION, batch);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int[] applyEventsRaw(RawState s) throws SQLException {
        List<ConversationEvent> batch = batchAfter(s.lastSeq);
        s.lastSeq += BATCH;
        PreparedStatement ps = s.insertEvent;
        s.control.execute("BEGIN IMMEDIATE");
        try {
            for (ConversationEvent event : batch) {
                ps.setString(1, CONVERSATION);
                ps.setString(2, event.id());
                ps.setLong(3, event.seq());
                ps.setString(4, Wire.encode(event));
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            s.control.execute("COMMIT");
            return counts;
        } catch (SQLException e) {
            s.control.execute("ROLLBACK");
            throw e;
        }
    }

    // ---- running -----------------------------------------------------------------------------

    /**
     * Runs the four benchmarks and prints journal / raw. With {@code -Dholdfast.bench.rounds=N} it
     * runs N rounds, each benchmark in its own JMH run, journal first in odd rounds and raw first in
     * even ones, so that both sides see the same disk on a machine whose fsync latency drifts; it
     * prints every round and the median of the ratios.
     */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("holdfast.bench.rounds", 1);
        CommandLineOptions commandLine = new CommandLineOptions(args);
        List<double[]> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) { // -Dholdfast.bench.rounds=0: only the paired check
            List<String> order = round % 2 == 1
                    ? List.of("enqueueJournal", "enqueueRaw", "applyEventsJournal", "applyEventsRaw")
                    : List.of("enqueueRaw", "enqueueJournal", "applyEventsRaw", "applyEventsJournal");
            Map<String, Statistics> stats = new TreeMap<>();
            for (String benchmark : order) {
                Options options = new OptionsBuilder()
                        .parent(commandLine)
                        .include(JournalBenchmark.class.getName() + "\\." + benchmark + "$")
                        .build();
                for (RunResult result : new Runner(options).run()) {
                    stats.put(benchmark, result.getPrimaryResult().getStatistics());
                }
            }
            ratios.add(printRound(round, stats));
        }
        if (rounds > 1) {
            System.out.printf(Locale.ROOT, "%nmedian over %d rounds, journal / raw: enqueue p50 %.0f%%, enqueue p99 %.0f%%,"
                    + " applyEvents %.0f%%%n", rounds, median(ratios, 0), median(ratios, 1), median(ratios, 2));
        }
        int paired = Integer.getInteger("holdfast.bench.paired", 0);
        if (paired > 0) {
            paired(paired);
        }
    }

    /**
     * A cross-check that does not depend on the disk staying the same between JMH runs: the same
     * benchmark methods, called in one JVM with journal and raw alternating call by call (who goes
     * first alternates too). {@code calls} enqueues and {@code calls / 5} batches per side; the first
     * fifth of each is warm-up and not counted. Prints p50/p99 of each side and journal / raw.
     */
    static void paired(int calls) throws Exception {
        JournalBenchmark bench = new JournalBenchmark();
        JournalState journal = new JournalState();
        RawState raw = new RawState();
        journal.open();
        raw.open();
        try {
            long[][] enqueue = alternate(calls, () -> bench.enqueueJournal(journal), () -> bench.enqueueRaw(raw));
            long[][] batches = alternate(Math.max(10, calls / 5), () -> bench.applyEventsJournal(journal),
                    () -> bench.applyEventsRaw(raw));
            System.out.printf(Locale.ROOT, "%npaired, %d enqueues and %d batches per side, journal and raw alternating%n",
                    calls, Math.max(10, calls / 5));
            System.out.println("| benchmark | journal | raw sqlite-jdbc | journal / raw |");
            System.out.println("|---|---|---|---|");
            for (double p : new double[] {50, 99}) {
                double j = percentile(enqueue[0], p) / 1e3;
                double r = percentile(enqueue[1], p) / 1e3;
                System.out.printf(Locale.ROOT, "| enqueue p%.0f (µs/message) | %.0f | %.0f | %.0f%% |%n", p, j, r, 100 * r / j);
            }
            for (double p : new double[] {50, 99}) {
                double j = percentile(batches[0], p) / 1e3;
                double r = percentile(batches[1], p) / 1e3;
                System.out.printf(Locale.ROOT, "| applyEvents p%.0f (µs/100 events) | %.0f | %.0f | %.0f%% |%n", p, j, r,
                        100 * r / j);
            }
        } finally {
            journal.close();
            raw.close();
        }
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    /** Nanoseconds per call of each side, warm-up (the first fifth) dropped. */
    private static long[][] alternate(int calls, Call journal, Call raw) throws Exception {
        int warmup = calls / 5;
        long[] j = new long[calls - warmup];
        long[] r = new long[calls - warmup];
        for (int i = 0; i < calls; i++) {
            boolean journalFirst = i % 2 == 0;
            long first = time(journalFirst ? journal : raw);
            long second = time(journalFirst ? raw : journal);
            if (i >= warmup) {
                j[i - warmup] = journalFirst ? first : second;
                r[i - warmup] = journalFirst ? second : first;
            }
        }
        return new long[][] {j, r};
    }

    private static long time(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static double percentile(long[] values, double p) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, index)];
    }

    /** Prints one round as a Markdown table; returns the three ratios (p50, p99, batches). */
    private static double[] printRound(int round, Map<String, Statistics> stats) {
        Statistics journalEnqueue = stats.get("enqueueJournal");
        Statistics rawEnqueue = stats.get("enqueueRaw");
        Statistics journalBatch = stats.get("applyEventsJournal");
        Statistics rawBatch = stats.get("applyEventsRaw");
        double[] ratios = new double[3];
        System.out.printf(Locale.ROOT, "%nround %d%n", round);
        System.out.println("| benchmark | journal | raw sqlite-jdbc | journal / raw |");
        System.out.println("|---|---|---|---|");
        if (journalEnqueue != null && rawEnqueue != null) {
            int i = 0;
            for (double p : new double[] {50, 99}) {
                double journal = journalEnqueue.getPercentile(p);
                double raw = rawEnqueue.getPercentile(p);
                // Latency: the journal's share of raw speed is raw time / journal time.
                ratios[i++] = 100 * raw / journal;
                System.out.printf(Locale.ROOT, "| enqueue p%.0f (µs/message) | %.0f | %.0f | %.0f%% |%n", p, journal, raw,
                        100 * raw / journal);
            }
        }
        if (journalBatch != null && rawBatch != null) {
            ratios[2] = 100 * journalBatch.getMean() / rawBatch.getMean();
            System.out.printf(Locale.ROOT, "| applyEvents, 100 events (batches/s) | %.1f ± %.1f | %.1f ± %.1f | %.0f%% |%n",
                    journalBatch.getMean(), journalBatch.getMeanErrorAt(0.999), rawBatch.getMean(),
                    rawBatch.getMeanErrorAt(0.999), ratios[2]);
        }
        return ratios;
    }

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
