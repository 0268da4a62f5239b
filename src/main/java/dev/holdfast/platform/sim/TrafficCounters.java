package dev.holdfast.platform.sim;

import java.util.concurrent.atomic.AtomicLong;

/** Totals shared by all simulated customers of one simulator. */
final class TrafficCounters {
    private final AtomicLong conversationsOpened = new AtomicLong();
    private final AtomicLong messagesSent = new AtomicLong();
    private final AtomicLong messagesAcked = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();

    void conversationOpened() {
        conversationsOpened.incrementAndGet();
    }

    void messageSent() {
        messagesSent.incrementAndGet();
    }

    void messageAcked() {
        messagesAcked.incrementAndGet();
    }

    void reconnectScheduled() {
        reconnects.incrementAndGet();
    }

    CustomerSimulator.Stats snapshot() {
        return new CustomerSimulator.Stats(conversationsOpened.get(), messagesSent.get(), messagesAcked.get(),
                reconnects.get());
    }
}
