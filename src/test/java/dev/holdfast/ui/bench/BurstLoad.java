package dev.holdfast.ui.bench;

import dev.holdfast.client.TestPlatform;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.http.CustomerOpenRequest;
import dev.holdfast.protocol.http.CustomerSession;
import dev.holdfast.protocol.http.VersionedAction;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's other side, in its own JVM: the platform on loopback and the customers who
 * write the burst. An agent's panel does not share its machine with the platform, so
 * {@link PanelBenchmark} starts this as a separate process and talks to it over stdin/stdout:
 *
 * <pre>
 * → READY base-uri conversation-id,conversation-id,...   (once, when the customers are assigned)
 * ← burst RATE TOTAL   → SENT sent failed                (when the last message is written)
 * ← acks               → ACKED n
 * ← quit (or end of input): the platform stops and the process exits
 * </pre>
 */
public final class BurstLoad {
    private BurstLoad() {
    }

    public static void main(String[] args) throws Exception {
        String agent = args[0];
        int customerCount = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("holdfast-burst-load");
        try (TestPlatform p = TestPlatform.start(dir, "memory", 1000)) {
            List<CustomerSession> customers = openCustomers(p, agent, customerCount);
            List<String> ids = customers.stream().map(CustomerSession::conversationId).toList();
            System.out.println("READY " + p.platform.baseUri() + " " + String.join(",", ids));
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            try (SocketBurst source = new SocketBurst(customers)) {
                source.connect(p.platform.baseUri());
                int[] acks = {0};
                for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
                    String[] words = line.trim().split(" ");
                    switch (words[0]) {
                        case "burst" -> {
                            source.start(Integer.parseInt(words[1]), Integer.parseInt(words[2]))
                                    .get(5, TimeUnit.MINUTES);
                            System.out.println("SENT " + source.sent.get() + " " + source.failed.get());
                        }
                        case "acks" -> System.out.println("ACKED " + source.acked(acks));
                        default -> System.out.println("ERROR unknown command: " + line);
                    }
                    System.out.flush();
                }
            }
        }
        System.exit(0);
    }

    /** Customers whose conversations a supervisor assigns to {@code agent}, as the burst's senders. */
    private static List<CustomerSession> openCustomers(TestPlatform p, String agent, int count) {
        String supervisor = p.supervisorToken();
        List<CustomerSession> customers = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            CustomerSession c = p.http.post("/v1/customer/conversations", null,
                    new CustomerOpenRequest("Burst customer " + n, "en", "web", List.of("bench")))
                    .as(CustomerSession.class);
            p.http.post("/v1/conversations/" + c.conversationId() + "/reassign", supervisor,
                    new VersionedAction(c.conversation().version(), agent, "benchmark")).as(ConversationSummary.class);
            customers.add(c);
        }
        return customers;
    }
}
