package dev.holdfast.ui.bench;

import dev.holdfast.platform.WsPeer;
import dev.holdfast.protocol.ClientFrame;
import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.ServerFrame;
import dev.holdfast.protocol.http.CustomerSession;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The burst's source: each customer keeps one WebSocket (as the widget does) and a single paced
 * sender writes {@code Send} frames round robin without waiting for each ack, so the messages per
 * second are set by the schedule and not by request round trips (one HTTP request per message
 * topped out near 320/s on two cores).
 *
 * <p>Threading: {@code sockets} is written once in {@link #connect} before the schedule starts and
 * then only read by the ticker thread; the counters are atomics read by the benchmark.
 */
final class SocketBurst implements AutoCloseable {
    private final List<CustomerSession> customers;
    private final List<WsPeer> sockets = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-burst-sender");
        t.setDaemon(true);
        return t;
    });
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();

    SocketBurst(List<CustomerSession> customers) {
        this.customers = customers;
    }

    /** Opens every customer's socket and waits until each is synced; before the clock starts. */
    void connect(URI base) {
        for (CustomerSession c : customers) {
            WsPeer ws = WsPeer.connect(base, "/v1/customer/ws");
            ws.send(new ClientFrame.Hello(Limits.PROTOCOL_VERSION, c.customerToken(), c.customerId(), null, null,
                    Map.of(c.conversationId(), 0L)));
            ws.await(ServerFrame.Synced.class);
            ws.drain();
            sockets.add(ws);
        }
    }

    /** Sends {@code total} messages at {@code rate} a second; completes when the last one is written. */
    CompletableFuture<Void> start(int rate, int total) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger next = new AtomicInteger();
        ticker.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n >= total) {
                done.complete(null);
                throw new IllegalStateException("done"); // stops the schedule
            }
            int k = n % customers.size();
            try {
                sockets.get(k).send(new ClientFrame.Send(customers.get(k).conversationId(),
                        UUID.randomUUID().toString(), "Burst line " + n + ": hello, is anyone there?"));
                sent.incrementAndGet();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
            }
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        return done;
    }

    /** Acks received so far over all sockets (each socket's frames are drained as they are counted). */
    int acked(int[] tally) {
        for (WsPeer ws : sockets) {
            for (ServerFrame f : ws.drain()) {
                if (f instanceof ServerFrame.Ack) {
                    tally[0]++;
                }
            }
        }
        return tally[0];
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        sockets.forEach(WsPeer::close);
    }
}
