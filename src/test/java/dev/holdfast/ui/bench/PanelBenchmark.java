package dev.holdfast.ui.bench;

import dev.holdfast.client.session.AgentSession;
import dev.holdfast.client.status.SessionStatus;
import dev.holdfast.client.status.SessionUpdate;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.ui.fx.FxBridge;
import dev.holdfast.ui.i18n.Messages;
import dev.holdfast.ui.login.RememberedUser;
import dev.holdfast.ui.shell.HoldfastWindow;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * The agent workspace's performance targets (issue 4, docs/performance.md "Agent workspace"):
 * 10,000 conversations in the list and 100,000 messages in one thread scroll and select smoothly,
 * a burst of 500 customer messages a second never blocks the FX thread for more than 16 ms, and
 * the panel holds that data in under 400 MB of heap.
 *
 * <p>Not a unit test: run its {@code main} (headless, Monocle, software rendering, like the panel
 * tests). A real platform on loopback, in its own process ({@link BurstLoad}, as the platform is on
 * another machine in use), and the real window signed in through its sign-in screen with a real
 * {@link AgentSession}; the 10,000 conversations and the 100,000-message thread are written into
 * the desk's journal ({@link DeskSeed}) and announced to the window through the same bridge the
 * session's updates take; the burst comes from customers over their WebSockets ({@link SocketBurst}).
 *
 * <p>Options: {@code --conversations N} (10000), {@code --messages N} (100000), {@code --frames N}
 * (300 per scroll run), {@code --selections N} (100), {@code --rate N} (500 messages/s),
 * {@code --seconds N} (10), {@code --customers N} (20), {@code --open-burst 0|1} (1: one of the burst's
 * conversations is open during the burst; 0: a quiet one is, to tell the thread's share from the list's),
 * {@code --warmup SECONDS} (5) and {@code --warmup-rate N} (50 a second; 0 for the burst's rate): an
 * unmeasured flow of routine messages first, as a panel at work has had before a burst (0 for a
 * panel whose first messages are the burst), {@code --load-nice N} (19: the platform's process yields the cores to the panel, as a
 * platform on another machine would; 0 to let them compete). With {@code -Dbench.stacks=true} the
 * FX thread's stack samples of every stall over 16 ms go to stderr.
 */
public final class PanelBenchmark {
    private static final String AGENT = "agent1";
    private static final long NS_16MS = TimeUnit.MILLISECONDS.toNanos(16);

    private final Map<String, Integer> opts;
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** Every GC pause of the run, to tell a stopped JVM from a busy FX thread. */
    private final GcPauses gcPauses = new GcPauses();
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bench-ui-background");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<AgentSession> session = new AtomicReference<>();
    private FxBridge bridge;
    private Stage stage;
    private HoldfastWindow window;

    private PanelBenchmark(Map<String, Integer> opts) {
        this.opts = opts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> opts = new LinkedHashMap<>();
        String defaults = "conversations=10000 messages=100000 frames=300 selections=100 rate=500 seconds=10"
                + " customers=20 open-burst=1 warmup=5 warmup-rate=50 load-nice=19";
        for (String option : defaults.split(" ")) {
            opts.put(option.split("=")[0], Integer.parseInt(option.split("=")[1]));
        }
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            if (!opts.containsKey(name) || i + 1 >= args.length) {
                System.err.println("usage: PanelBenchmark [--conversations N] [--messages N] [--frames N]"
                        + " [--selections N] [--rate N] [--seconds N] [--customers N] [--open-burst 0|1] [--warmup SECONDS]"
                        + " [--warmup-rate N] [--load-nice N]");
                System.exit(2);
            }
            opts.put(name, Integer.parseInt(args[++i]));
        }
        headless();
        Platform.startup(() -> { });
        int status;
        try {
            status = new PanelBenchmark(opts).run() ? 0 : 1;
        } catch (Throwable t) {
            t.printStackTrace();
            status = 3;
        }
        System.exit(status);
    }

    /** The same system properties as surefire's for the panel tests (pom.xml), unless set already. */
    private static void headless() {
        Map<String, String> props = Map.of("glass.platform", "Monocle", "monocle.platform", "Headless",
                "prism.order", "sw", "java.awt.headless", "true", "testfx.robot", "glass", "testfx.headless", "true");
        props.forEach((k, v) -> {
            if (System.getProperty(k) == null) {
                System.setProperty(k, v);
            }
        });
    }

    private boolean run() throws Exception {
        int conversations = opts.get("conversations");
        int messages = opts.get("messages");
        Path dir = Files.createTempDirectory("holdfast-panel-bench");
        try (BurstLoadProcess load = new BurstLoadProcess(AGENT, opts.get("customers"), opts.get("load-nice"));
                FxStallProbe probe = new FxStallProbe()) {
            System.out.printf(Locale.ROOT, "Agent workspace: %d conversations, %d messages in one thread, burst %d msg/s"
                    + " for %d s; %d cores, max heap %d MB, load average %s; platform and customers in another"
                    + " process at nice %d%n", conversations, messages, opts.get("rate"), opts.get("seconds"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, loadAverage(),
                    opts.get("load-nice"));
            List<String> customers = load.conversationIds;
            long heapBase = heapAfterGc();

            signIn(load, dir);
            AgentSession desk = session.get();
            awaitTrue("the burst conversations listed", () -> mineList().getItems().size() >= customers.size());
            long heapSignedIn = heapAfterGc();

            long seedStart = System.nanoTime();
            DeskSeed seed = new DeskSeed(AGENT, System.currentTimeMillis());
            seed.write(desk.journal().orElseThrow(), conversations, messages);
            System.out.printf(Locale.ROOT, "seeded the journal in %d ms%n", millisSince(seedStart));

            probe.restart();
            long announce = System.nanoTime();
            for (ConversationSummary s : seed.summaries(conversations, messages)) {
                bridge.offer(new SessionUpdate.ConversationChanged(s));
            }
            int expected = conversations + customers.size();
            awaitTrue("all conversations listed", () -> mineList().getItems().size() >= expected);
            long listedMs = millisSince(announce);
            Samples loading = probe.restart();
            rows.add(Samples.header());
            rows.add(loading.row("FX stall while 10k conversations are listed"));
            notes.add(String.format(Locale.ROOT, "listing %d conversations announced at once took %d ms", conversations,
                    listedMs));

            scrollList(probe);
            selectAcross(probe);
            openBigThread(probe, messages);
            long heapLoaded = heapAfterGc();
            burst(load, desk, customers, probe);
            long heapAfterBurst = heapAfterGc();

            System.out.println();
            rows.forEach(System.out::println);
            System.out.println();
            System.out.printf(Locale.ROOT, "heap used after GC (MB): before sign-in %d, signed in %d, with the data"
                    + " shown %d, after the burst %d%n", heapBase >> 20, heapSignedIn >> 20, heapLoaded >> 20,
                    heapAfterBurst >> 20);
            notes.forEach(n -> System.out.println("- " + n));
            return true;
        } finally {
            onFx(() -> {
                stage.hide();
                return null;
            });
            AgentSession s = session.get();
            if (s != null) {
                s.close();
            }
            background.shutdownNow();
        }
    }

    // ---- the window ------------------------------------------------------------------------------

    private void signIn(BurstLoadProcess load, Path dir) throws Exception {
        onFx(() -> {
            stage = new Stage();
            bridge = FxBridge.forJavaFx(background);
            window = new HoldfastWindow(stage, Messages.forLanguage("en"), bridge, server -> {
                AgentSession s = new AgentSession(server, dir.resolve("desk"), Clock.systemUTC());
                session.set(s);
                return s;
            }, new RememberedUser(dir.resolve("desk")),
                    new HoldfastWindow.Prefill(load.baseUri.toString(), AGENT, "demo"), false);
            stage.setWidth(1100);
            stage.setHeight(720);
            window.show();
            ((Button) scene().lookup("#login-sign-in")).fire();
            return null;
        });
        awaitTrue("the workspace shown", () -> scene().lookup("#list-mine") != null);
        awaitTrue("the session live", () -> session.get().status().get() instanceof SessionStatus.Live);
    }

    private Scene scene() {
        return window.scene();
    }

    @SuppressWarnings("unchecked")
    private ListView<Object> mineList() {
        return (ListView<Object>) scene().lookup("#list-mine");
    }

    @SuppressWarnings("unchecked")
    private ListView<Object> thread() {
        return (ListView<Object>) scene().lookup("#thread");
    }

    // ---- (1) scrolling ---------------------------------------------------------------------------

    private void scrollList(FxStallProbe probe) throws Exception {
        scroll(probe, "conversation list", this::mineList);
    }

    /** One wheel notch (40 px) per frame, turning at either end. */
    private void scroll(FxStallProbe probe, String what, Callable<ListView<Object>> list) throws Exception {
        probe.restart();
        FrameRecorder frames = onFx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) list.call().lookup(".virtual-flow");
            double[] direction = {40};
            return FrameRecorder.start(scene(), opts.get("frames"), frame -> {
                if (flow.scrollPixels(direction[0]) == 0) {
                    direction[0] = -direction[0];
                }
            });
        });
        frames.done().get(5, TimeUnit.MINUTES);
        Samples stalls = probe.restart();
        rows.add(frames.intervals.row("scroll " + what + ": frame interval"));
        rows.add(frames.work.row("scroll " + what + ": FX work per frame"));
        rows.add(stalls.row("scroll " + what + ": FX stall"));
    }

    // ---- (2) selection ---------------------------------------------------------------------------

    /** Opens conversations spread over the list; from the selection to the first pulse after the thread filled. */
    private void selectAcross(FxStallProbe probe) throws Exception {
        Samples shown = new Samples();
        Samples drawn = new Samples();
        Random random = new Random(4);
        int size = onFx(() -> mineList().getItems().size());
        probe.restart();
        for (int i = 0; i < opts.get("selections"); i++) {
            int row = random.nextInt(size);
            long[] times = selectAndWait(row);
            shown.add(times[0]);
            drawn.add(times[1]);
        }
        rows.add(shown.row("select a conversation: thread filled"));
        rows.add(drawn.row("select a conversation: thread drawn"));
        rows.add(probe.restart().row("selecting: FX stall"));
    }

    /** {from selection to the thread's lines set, to the end of the next pulse's layout}, in ns. */
    private long[] selectAndWait(int row) throws Exception {
        CompletableFuture<long[]> done = new CompletableFuture<>();
        onFx(() -> {
            ListView<Object> list = mineList();
            if (list.getSelectionModel().getSelectedIndex() == row) {
                list.getSelectionModel().clearSelection();
            }
            ListView<Object> thread = thread();
            long start = System.nanoTime();
            ListChangeListener<Object> filled = new ListChangeListener<>() {
                @Override
                public void onChanged(Change<?> c) {
                    if (thread.getItems().isEmpty()) {
                        return;
                    }
                    thread.getItems().removeListener(this);
                    long shownAt = System.nanoTime();
                    Runnable[] once = new Runnable[1];
                    once[0] = () -> {
                        scene().removePostLayoutPulseListener(once[0]);
                        done.complete(new long[] {shownAt - start, System.nanoTime() - start});
                    };
                    scene().addPostLayoutPulseListener(once[0]);
                    Platform.requestNextPulse();
                }
            };
            thread.getItems().addListener(filled);
            list.getSelectionModel().select(row);
            list.scrollTo(row);
            return null;
        });
        return done.get(30, TimeUnit.SECONDS);
    }

    // ---- the big thread --------------------------------------------------------------------------

    private void openBigThread(FxStallProbe probe, int messages) throws Exception {
        int row = onFx(() -> {
            List<Object> items = mineList().getItems();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).toString().contains("id=" + DeskSeed.BIG + ",")) {
                    return i;
                }
            }
            throw new IllegalStateException("the big conversation is not listed");
        });
        long[] times = selectAndWait(row);
        int lines = onFx(() -> thread().getItems().size());
        notes.add(String.format(Locale.ROOT, "opening the %d-message conversation: lines set after %.1f ms, drawn"
                + " after %.1f ms; the thread shows %d lines", messages, times[0] / 1e6, times[1] / 1e6, lines));
        scroll(probe, "thread (" + lines + " lines)", this::thread);
    }

    // ---- (3) the burst ---------------------------------------------------------------------------

    /**
     * {@code rate} customer messages a second, round robin over the burst customers, over their
     * WebSockets ({@link SocketBurst}); one of their conversations is open in the thread. Measures the
     * FX stalls and frames from the first send until the desk has received every message.
     */
    private void burst(BurstLoadProcess load, AgentSession desk, List<String> customers, FxStallProbe probe)
            throws Exception {
        Set<String> burstIds = ConcurrentHashMap.newKeySet(customers.size());
        burstIds.addAll(customers);
        AtomicInteger received = new AtomicInteger();
        var listening = desk.subscribe(u -> {
            if (u instanceof SessionUpdate.EventsApplied e && burstIds.contains(e.conversationId())) {
                for (ConversationEvent event : e.events()) {
                    if (event.isMessage() && event.author().kind() == AuthorKind.CUSTOMER) {
                        received.incrementAndGet();
                    }
                }
            }
        });
        String open = opts.get("open-burst") != 0 ? customers.get(0) : "bench-1";
        int row = onFx(() -> {
            List<Object> items = mineList().getItems();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).toString().contains("id=" + open + ",")) {
                    return i;
                }
            }
            throw new IllegalStateException("the conversation to open is not listed");
        });
        selectAndWait(row);

        int rate = opts.get("rate");
        int total = rate * opts.get("seconds");
        int warmupSent = 0;
        if (opts.get("warmup") > 0) {
            // Routine messages first, unmeasured, as a panel at work has had before any burst: the
            // message paths loaded and compiled by the JIT, which a freshly started JVM has not.
            int warmupRate = opts.get("warmup-rate") > 0 ? opts.get("warmup-rate") : rate;
            warmupSent = load.burst(warmupRate, warmupRate * opts.get("warmup"))[0];
            int expected = warmupSent;
            awaitTrue("the desk received the warm-up burst", () -> received.get() >= expected);
        }
        probe.restart();
        FrameRecorder frames = onFx(() -> FrameRecorder.start(scene(), Integer.MAX_VALUE, frame -> { }));
        long start = System.nanoTime();
        long startEpochMs = System.currentTimeMillis();
        int[] sentFailed = load.burst(rate, total);
        long sendMs = millisSince(start);
        awaitTrue("the desk received the burst", () -> received.get() >= sentFailed[0]);
        long receivedMs = millisSince(start);
        int acked = load.acked();
        long ackDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acked < sentFailed[0] && System.nanoTime() < ackDeadline) {
            Thread.sleep(20);
            acked = load.acked();
        }
        Samples stalls = probe.restart();
        frames.stop().get(10, TimeUnit.SECONDS);
        listening.cancel();
        rows.add(stalls.row("burst: FX stall"));
        rows.add(frames.intervals.row("burst: frame interval"));
        rows.add(frames.work.row("burst: FX work per frame"));
        rows.add(String.format(Locale.ROOT, "%-46s %7d", "burst: FX stalls over 16 ms", stalls.countAbove(NS_16MS)));
        // A stall that overlaps a GC pause (within 2 ms) had the whole JVM stopped.
        long duringGc = probe.longStallsOfLastPhase().stream().filter(s -> gcPauses.overlaps(s[0], s[1], 2)).count();
        rows.add(String.format(Locale.ROOT, "%-46s %7d", "  of which overlapping a GC pause", duringGc));
        notes.add("burst: stalls over 16 ms, as (seconds into the burst: ms) " + probe.longStallsOfLastPhase().stream()
                .map(st -> String.format(Locale.ROOT, "%.1f: %d", (st[0] - startEpochMs) / 1000.0, st[1] - st[0]))
                .toList());
        int measured = sentFailed[0] - warmupSent;
        notes.add(String.format(Locale.ROOT, "burst: %d messages sent over the customers' WebSockets in %d ms"
                + " (%.0f/s achieved, %d failed, %d acked), all received by the desk %d ms after the first"
                + "; after %d warm-up messages", measured, sendMs, measured * 1000.0 / sendMs, sentFailed[1],
                acked - warmupSent, receivedMs, warmupSent));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(2, TimeUnit.MINUTES);
    }

    /** Polls (on the FX thread) every 5 ms until {@code check} holds; fails after two minutes. */
    private static void awaitTrue(String what, Callable<Boolean> check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Boolean.TRUE.equals(onFx(() -> {
            try {
                return check.call();
            } catch (RuntimeException e) {
                return false;
            }
        }))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
