package dev.holdfast.platform.sim;

import dev.holdfast.protocol.Backoff;
import java.util.Objects;

/** What all simulated customers of one simulator share. */
record CustomerEnvironment(CustomerTransport transport, Scheduler scheduler, PhraseBook phraseBook,
                           Pacing pacing, Backoff backoff, TrafficCounters counters) {
    CustomerEnvironment {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(phraseBook, "phraseBook");
        Objects.requireNonNull(pacing, "pacing");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(counters, "counters");
    }

    static CustomerEnvironment standard(CustomerTransport transport, Scheduler scheduler) {
        return new CustomerEnvironment(transport, scheduler, PhraseBook.standard(), new Pacing(), Backoff.DEFAULT,
                new TrafficCounters());
    }
}
