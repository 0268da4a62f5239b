package dev.holdfast.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.client.journal.DeliveryState;
import dev.holdfast.client.journal.OutboxEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitedMessagesTest {
    private final WaitedMessages waited = new WaitedMessages();

    private static OutboxEntry entry(String id, DeliveryState state) {
        return new OutboxEntry(1, id, "c1", "text", state, 0, 0, 0, null, null, 0);
    }

    @Test
    void messagesSentStraightAwayWhileLiveAreNotCounted() {
        waited.delivery(entry("a", DeliveryState.QUEUED), true, 0);
        waited.delivery(entry("a", DeliveryState.SENDING), true, 1);
        waited.delivery(entry("a", DeliveryState.SENT), true, 2);
        assertThat(waited.sentLately(3)).isZero();
    }

    @Test
    void messagesQueuedWhileNotLiveCountOnceWhenTheyGoOut() {
        waited.delivery(entry("a", DeliveryState.QUEUED), false, 0);
        waited.delivery(entry("b", DeliveryState.QUEUED), false, 0);
        waited.delivery(entry("a", DeliveryState.SENT), true, 1_000);
        waited.delivery(entry("a", DeliveryState.SENT), true, 1_001); // a repeated notice is not a second message
        assertThat(waited.sentLately(1_002)).isEqualTo(1);
        waited.delivery(entry("b", DeliveryState.SENT), true, 2_000);
        assertThat(waited.sentLately(2_001)).isEqualTo(2);
    }

    @Test
    void aFailedAttemptWhileLiveMakesTheMessageOneThatWaited() {
        waited.delivery(entry("a", DeliveryState.FAILED_WILL_RETRY), true, 0);
        waited.delivery(entry("a", DeliveryState.SENT), true, 5_000);
        assertThat(waited.sentLately(5_001)).isEqualTo(1);
    }

    @Test
    void messagesLeftUnsentByAnEarlierRunCount() {
        waited.waitingAlready(List.of(entry("old", DeliveryState.QUEUED)));
        waited.delivery(entry("old", DeliveryState.SENT), true, 10);
        assertThat(waited.sentLately(11)).isEqualTo(1);
    }

    @Test
    void theNoteGoesAfterItHasBeenShownLongEnough() {
        waited.delivery(entry("a", DeliveryState.QUEUED), false, 0);
        waited.delivery(entry("a", DeliveryState.SENT), true, 1_000);
        assertThat(waited.sentLately(1_000 + WaitedMessages.SHOWN_FOR_MILLIS - 1)).isEqualTo(1);
        assertThat(waited.sentLately(1_000 + WaitedMessages.SHOWN_FOR_MILLIS)).isZero();
        assertThat(waited.sentLately(1_000)).as("once gone, it stays gone").isZero();
    }
}
