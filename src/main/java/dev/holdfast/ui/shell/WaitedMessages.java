package dev.holdfast.ui.shell;

import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.OutboxEntry;
import java.util.HashSet;
import java.util.Set;

/**
 * Counts the messages that had to wait (written offline, while signed out, or left unsent by the
 * last run) and have gone out since, so the status bar can say so for a while once the desk is
 * back. Messages sent straight away while live are not counted: nobody needs telling.
 *
 * <p>Threading: owned by whoever calls it (the shell's view model, on the FX thread).
 */
final class WaitedMessages {
    /** How long "N messages that waited have been sent" stays after the last of them went out. */
    static final long SHOWN_FOR_MILLIS = 15_000;

    private final Set<String> waiting = new HashSet<>();
    private int sent;
    private long lastSentAt;

    /** Messages left unsent by an earlier run or an earlier session on this desk. */
    void waitingAlready(Iterable<OutboxEntry> unsent) {
        unsent.forEach(e -> waiting.add(e.clientMessageId()));
    }

    /** {@code live}: whether the desk was live when this delivery change happened. */
    void delivery(OutboxEntry entry, boolean live, long now) {
        String id = entry.clientMessageId();
        if (entry.state() == DeliveryState.SENT) {
            if (waiting.remove(id)) {
                sent++;
                lastSentAt = now;
            }
        } else if (!live || entry.state() == DeliveryState.FAILED_WILL_RETRY) {
            waiting.add(id);
        }
    }

    /** How many waited and went out lately; 0 once the note has been shown long enough. */
    int sentLately(long now) {
        if (sent > 0 && now - lastSentAt >= SHOWN_FOR_MILLIS) {
            sent = 0;
        }
        return sent;
    }
}
