package dev.holdfast.ui.bench;

import dev.holdfast.client.journal.Journal;
import dev.holdfast.protocol.Author;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ConversationEvent;
import dev.holdfast.protocol.ConversationStatus;
import dev.holdfast.protocol.ConversationSummary;
import dev.holdfast.protocol.CustomerInfo;
import dev.holdfast.protocol.EventKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The bulk of the benchmark's data, written straight into the signed-in desk's journal the way the
 * sync engine writes what the platform sends (summaries, then events by conversation and seq):
 * {@code conversations} conversations assigned to the agent, each opened with one customer line,
 * and one of them ({@link #BIG}) holding {@code bigMessages} messages. Building that over the
 * platform's HTTP API would take many minutes on two cores and measure the platform, not the panel.
 */
final class DeskSeed {
    static final String BIG = "bench-big";

    private final String agent;
    private final long now;

    DeskSeed(String agent, long now) {
        this.agent = agent;
        this.now = now;
    }

    static String id(int n) {
        return n == 0 ? BIG : "bench-" + n;
    }

    /** The summaries, as the platform would send them; every third customer waits for an answer. */
    List<ConversationSummary> summaries(int conversations, int bigMessages) {
        List<ConversationSummary> all = new ArrayList<>(conversations);
        for (int n = 0; n < conversations; n++) {
            long lastSeq = n == 0 ? bigMessages + 1 : 2;
            long created = now - 3_600_000L + n;
            Long waiting = n % 3 == 0 ? created + 1 : null;
            all.add(new ConversationSummary(id(n), ConversationStatus.ASSIGNED, agent, 2, 1, lastSeq, customer(n),
                    created, created + 1, AuthorKind.CUSTOMER, waiting, false));
        }
        return all;
    }

    void write(Journal journal, int conversations, int bigMessages) {
        journal.upsertConversations(summaries(conversations, bigMessages));
        List<Journal.EventBatch> batches = new ArrayList<>();
        for (int n = 1; n < conversations; n++) {
            batches.add(new Journal.EventBatch(id(n), List.of(opened(n), customerLine(n, 2))));
            if (batches.size() == 500) {
                journal.applyEvents(batches);
                batches = new ArrayList<>();
            }
        }
        if (!batches.isEmpty()) {
            journal.applyEvents(batches);
        }
        List<ConversationEvent> big = new ArrayList<>();
        big.add(opened(0));
        for (long seq = 2; seq <= bigMessages + 1; seq++) {
            big.add(seq % 2 == 0 ? customerLine(0, seq) : agentLine(seq));
            if (big.size() == 1000) {
                journal.applyEvents(BIG, big);
                big = new ArrayList<>();
            }
        }
        if (!big.isEmpty()) {
            journal.applyEvents(BIG, big);
        }
    }

    private CustomerInfo customer(int n) {
        return new CustomerInfo("customer-" + n, "Customer " + n, n % 3 == 0 ? "es" : "en", "web", List.of());
    }

    private ConversationEvent opened(int n) {
        Author who = new Author(AuthorKind.CUSTOMER, "customer-" + n, "Customer " + n);
        return new ConversationEvent(id(n) + "-1", id(n), 1, EventKind.OPENED, now - 3_600_000L + n, who, null, null,
                null, null, null, customer(n), null);
    }

    private ConversationEvent customerLine(int n, long seq) {
        Author who = new Author(AuthorKind.CUSTOMER, "customer-" + n, "Customer " + n);
        return new ConversationEvent(id(n) + "-" + seq, id(n), seq, EventKind.MESSAGE, now - 3_600_000L + seq, who,
                "Line " + seq + ": my order has not arrived yet, could you check where it is, please?", null, null,
                null, null, null, null);
    }

    private ConversationEvent agentLine(long seq) {
        Author who = new Author(AuthorKind.AGENT, agent, agent);
        return new ConversationEvent(BIG + "-" + seq, BIG, seq, EventKind.MESSAGE, now - 3_600_000L + seq, who,
                "Line " + seq + ": thanks, let me look that up for you right away.", null, null, null, null, null,
                null);
    }
}
