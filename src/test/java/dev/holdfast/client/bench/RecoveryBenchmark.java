package dev.holdfast.client.bench;

import dev.holdfast.client.TestPlatform;
import dev.holdfast.client.api.Scope;
import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.Journal;
import dev.holdfast.client.journal.OutboxEntry;
import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.platform.Http;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.http.ConversationList;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSendRequest;
import dev.holdfast.protocol.http.CustomerSession;
import dev.holdfast.protocol.http.LoginRequest;
import dev.holdfast.protocol.http.SendRequest;
import dev.holdfast.protocol.http.TokenResponse;
import dev.holdfast.protocol.http.VersionedAction;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The performance target "recovery after a wipe: 1,000 open conversations of 50 messages restored
 * and usable in under 5 s", measured end to end on loopback (docs/performance.md).
 *
 * <p>Not a unit test: run its {@code main}. It starts a real platform (memory store, one agent
 * with room for every conversation), builds the state over HTTP with a bounded pool (customers
 * open conversations, a supervisor assigns them to agent1, then customer and agent messages
 * alternate), signs a real {@link AgentSession} in and waits until its journal holds every event.
 * Then, {@code runs} times: {@code POST /admin/wipe}, and the time from the wipe until
 *
 * <ol>
 *   <li><b>started</b>: the session noticed the new epoch ({@code RecoveryStarted});</li>
 *   <li><b>restored</b>: the session finished uploading ({@code RecoveryFinished});</li>
 *   <li><b>live</b>: the session's status is {@code Live} with the new epoch;</li>
 *   <li><b>usable</b>: {@code GET /v1/conversations?scope=mine} lists every conversation, assigned
 *       to agent1, and a message sent from the session into one of them is acknowledged.</li>
 * </ol>
 *
 * <p>Each run wipes the same desk again after it caught up with the platform (so later runs also
 * upload the restored markers and the probe messages of the runs before: a few events more).
 *
 * <p>Options: {@code --conversations N} (1000), {@code --messages N} (50), {@code --runs N} (3),
 * {@code --threads N} (8, the pool that builds the state), {@code --target-ms N} (5000).
 */
public final class RecoveryBenchmark {
    private static final String AGENT = "agent1";
    private static final long TIMEOUT_MS = 180_000;

    private final int conversations;
    private final int messages;
    private final int runs;
    private final int threads;
    private final long targetMs;

    /** What the session published, with when it arrived (System.nanoTime). */
    private final Map<String, Long> recoveryStarted = new ConcurrentHashMap<>();
    private final Map<String, Long> recoveryFinished = new ConcurrentHashMap<>();
    private final Map<String, Long> liveAt = new ConcurrentHashMap<>();
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> restoredCount = new ConcurrentHashMap<>();

    private RecoveryBenchmark(int conversations, int messages, int runs, int threads, long targetMs) {
        this.conversations = conversations;
        this.messages = messages;
        this.runs = runs;
        this.threads = threads;
        this.targetMs = targetMs;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> opts = new HashMap<>(Map.of("conversations", 1000, "messages", 50, "runs", 3,
                "threads", 8, "target-ms", 5000));
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (!opts.containsKey(name) || i + 1 >= args.length) {
                System.err.println("usage: RecoveryBenchmark [--conversations N] [--messages N] [--runs N]"
                        + " [--threads N] [--target-ms N]");
                System.exit(2);
            }
            opts.put(name, Integer.parseInt(args[++i]));
        }
        RecoveryBenchmark bench = new RecoveryBenchmark(opts.get("conversations"), opts.get("messages"),
                opts.get("runs"), opts.get("threads"), opts.get("target-ms"));
        boolean met = bench.run();
        System.exit(met ? 0 : 1);
    }

    private record Run(long startedMs, long restoredMs, long liveMs, long usableMs, int restored, long events,
                       String load) {
    }

    private boolean run() throws Exception {
        Path dir = Files.createTempDirectory("holdfast-recovery-bench");
        List<Run> results = new ArrayList<>();
        try (TestPlatform p = TestPlatform.start(dir, "memory", conversations)) {
            System.out.printf(Locale.ROOT, "Recovery after a wipe: %d conversations x %d messages, %d runs,"
                    + " %d cores, platform and desk in one JVM on loopback (%s)%n", conversations, messages, runs,
                    Runtime.getRuntime().availableProcessors(), p.platform.baseUri());
            long buildStart = System.nanoTime();
            Http http = p.http;
            String supervisor = p.supervisorToken();
            String loader = http.post("/v1/auth/login", null, new LoginRequest(AGENT, "demo", "bench-loader"))
                    .as(TokenResponse.class).accessToken();
            build(http, supervisor, loader);
            System.out.printf(Locale.ROOT, "built the platform's state in %d ms%n", millisSince(buildStart));

            try (AgentSession desk = new AgentSession(p.platform.baseUri(), dir.resolve("desk"), Clock.systemUTC())) {
                desk.subscribe(this::record);
                long signIn = System.nanoTime();
                desk.signIn(AGENT, "demo".toCharArray()).get(30, TimeUnit.SECONDS);
                Journal journal = desk.journal().orElseThrow();
                long events = awaitCaughtUp(http, loader, journal);
                System.out.printf(Locale.ROOT, "the desk signed in and journaled %d events in %d ms%n", events,
                        millisSince(signIn));

                String probeConversation = null;
                for (int r = 1; r <= runs; r++) {
                    String load = loadAverage();
                    long t0 = System.nanoTime();
                    String newEpoch = p.wipe();
                    await("recovery finished", () -> recoveryFinished.containsKey(newEpoch));
                    await("the desk live again", () -> liveAt.containsKey(newEpoch));
                    List<ConversationSummary> mine = awaitAllMine(desk);
                    if (probeConversation == null) {
                        probeConversation = mine.get(0).id();
                    }
                    OutboxEntry probe = desk.send(probeConversation, "still here after wipe " + r)
                            .get(30, TimeUnit.SECONDS);
                    await("the probe message acknowledged", () -> sentAt.containsKey(probe.clientMessageId()));
                    Run run = new Run(ms(t0, recoveryStarted.get(newEpoch)), ms(t0, recoveryFinished.get(newEpoch)),
                            ms(t0, liveAt.get(newEpoch)), ms(t0, sentAt.get(probe.clientMessageId())),
                            restoredCount.get(newEpoch), events, load);
                    results.add(run);
                    System.out.printf(Locale.ROOT, "run %d: started %d ms, restored %d ms, live %d ms, usable %d ms"
                            + " (%d conversations restored from %d events; load average before: %s)%n", r,
                            run.startedMs(), run.restoredMs(), run.liveMs(), run.usableMs(), run.restored(),
                            run.events(), run.load());
                    if (run.restored() != conversations) {
                        throw new IllegalStateException("the desk restored " + run.restored() + " conversations, not "
                                + conversations);
                    }
                    events = awaitCaughtUp(http, loader, journal);
                }
            }
        } finally {
            deleteQuietly(dir);
        }
        return report(results);
    }

    // ---- building the state ----------------------------------------------------------------------

    /** Opens the conversations, assigns them to agent1 and fills them, with a bounded pool. */
    private void build(Http http, String supervisor, String loader) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < conversations; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    fill(http, supervisor, loader, n);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void fill(Http http, String supervisor, String loader, int n) {
        CustomerSession customer = retrying(() -> http.post("/v1/customer/conversations", null,
                new CustomerOpenRequest("Customer " + n, n % 3 == 0 ? "es" : "en", "web", List.of("bench"))))
                .as(CustomerSession.class);
        String id = customer.conversationId();
        Http.Response assigned = retrying(() -> http.post("/v1/conversations/" + id + "/reassign", supervisor,
                new VersionedAction(customer.conversation().version(), AGENT, "benchmark")));
        if (assigned.status() == 409) {
            // A retry after an attempt that did reach the platform: check that it took.
            ConversationSummary now = http.get("/v1/conversations/" + id, supervisor).as(ConversationSummary.class);
            if (!AGENT.equals(now.assignee())) {
                throw new IllegalStateException("could not assign " + id + " to " + AGENT + ": " + assigned.body());
            }
        } else {
            assigned.as(ConversationSummary.class);
        }
        for (int m = 1; m <= messages; m++) {
            // Resending under the same client message id is deduplicated by the platform.
            String clientMessageId = UUID.randomUUID().toString();
            int line = m;
            if (m % 2 == 1) {
                retrying(() -> http.post("/v1/customer/messages", customer.customerToken(),
                        new CustomerSendRequest(clientMessageId, "Customer line " + line + " of conversation " + n
                                + ": my order has not arrived yet, can you check where it is?"))).as(Map.class);
            } else {
                retrying(() -> http.post("/v1/conversations/" + id + "/messages", loader, new SendRequest(
                        "bench-loader", clientMessageId, "Agent reply " + line + " to conversation " + n
                        + ": thanks, let me look that up for you right away."))).as(Map.class);
            }
        }
    }

    /** The test client throws AssertionError when the exchange itself fails (a pooled connection closed under it). */
    private static Http.Response retrying(java.util.function.Supplier<Http.Response> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (AssertionError e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    // ---- watching the desk -----------------------------------------------------------------------

    private void record(SessionUpdate update) {
        long now = System.nanoTime();
        if (update instanceof SessionUpdate.RecoveryStarted s) {
            recoveryStarted.putIfAbsent(s.newEpoch(), now);
        } else if (update instanceof SessionUpdate.RecoveryFinished f) {
            recoveryFinished.putIfAbsent(f.newEpoch(), now);
            restoredCount.putIfAbsent(f.newEpoch(), f.restored());
        } else if (update instanceof SessionUpdate.StatusChanged c && c.status() instanceof SessionStatus.Live l) {
            liveAt.putIfAbsent(l.epoch(), now);
        } else if (update instanceof SessionUpdate.DeliveryChanged d && d.entry().state() == DeliveryState.SENT) {
            sentAt.putIfAbsent(d.entry().clientMessageId(), now);
        }
    }

    /**
     * Waits until the journal holds every conversation the platform gives agent1, each with its
     * cursor at the platform's last seq. Returns the number of events held.
     */
    private long awaitCaughtUp(Http http, String loader, Journal journal) {
        long[] events = new long[1];
        await("the desk's journal caught up with the platform", 250, () -> {
            List<ConversationSummary> mine = http.get("/v1/conversations?scope=mine", loader)
                    .as(ConversationList.class).conversations();
            if (mine.size() != conversations) {
                return false;
            }
            Map<String, Long> cursors = journal.cursors();
            long total = 0;
            for (ConversationSummary c : mine) {
                if (cursors.getOrDefault(c.id(), 0L) != c.lastSeq()) {
                    return false;
                }
                total += c.lastSeq() - c.firstSeq() + 1;
            }
            events[0] = total;
            return true;
        });
        return events[0];
    }

    /** The platform's answer to scope=mine, once it lists every conversation, all assigned to agent1. */
    private List<ConversationSummary> awaitAllMine(AgentSession desk) {
        List<List<ConversationSummary>> last = new ArrayList<>(List.of(List.of()));
        await("every conversation assigned to " + AGENT, () -> {
            List<ConversationSummary> mine = desk.conversations(Scope.MINE).get(30, TimeUnit.SECONDS);
            last.set(0, mine);
            return mine.size() == conversations && mine.stream().allMatch(
                    c -> AGENT.equals(c.assignee()) && c.status() == ConversationStatus.ASSIGNED);
        });
        return last.get(0);
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Polls every millisecond until {@code check} holds, or fails after the timeout. */
    private static void await(String what, Check check) {
        await(what, 1, check);
    }

    /** Polls every {@code everyMs} until {@code check} holds, or fails after the timeout. */
    private static void await(String what, long everyMs, Check check) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (true) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out waiting for " + what, e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                Thread.sleep(everyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
    }

    // ---- the report --------------------------------------------------------------------------------

    private boolean report(List<Run> results) {
        System.out.println();
        System.out.println("ms from POST /admin/wipe   started  restored      live    usable   load");
        for (int i = 0; i < results.size(); i++) {
            Run r = results.get(i);
            System.out.printf(Locale.ROOT, "run %-22d %8d %9d %9d %9d   %s%n", i + 1, r.startedMs(), r.restoredMs(),
                    r.liveMs(), r.usableMs(), r.load());
        }
        String[] names = {"min", "median", "max"};
        for (String name : names) {
            System.out.printf(Locale.ROOT, "%-26s %8d %9d %9d %9d%n", name, stat(results, Run::startedMs, name),
                    stat(results, Run::restoredMs, name), stat(results, Run::liveMs, name),
                    stat(results, Run::usableMs, name));
        }
        long worst = stat(results, Run::usableMs, "max");
        boolean met = worst < targetMs;
        System.out.printf(Locale.ROOT, "%ntarget: usable in under %d ms in every run: %s (max %d ms)%n", targetMs,
                met ? "MET" : "NOT MET", worst);
        return met;
    }

    private static long stat(List<Run> results, java.util.function.ToLongFunction<Run> column, String which) {
        long[] values = results.stream().mapToLong(column).sorted().toArray();
        return switch (which) {
            case "min" -> values[0];
            case "max" -> values[values.length - 1];
            default -> values.length % 2 == 1 ? values[values.length / 2]
                    : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        };
    }

    /** The 1-minute load average (Linux), to show when something else was using the cores. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long ms(long from, Long to) {
        return to == null ? -1 : TimeUnit.NANOSECONDS.toMillis(to - from);
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e);
        }
    }
}
