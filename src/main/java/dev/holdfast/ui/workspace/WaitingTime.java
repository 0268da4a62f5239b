package dev.holdfast.ui.workspace;

import dev.holdfast.ui.i18n.Messages;

/** "42 s", "7 min", "1 h 5 min": how long a customer has waited, in the user's language. */
public final class WaitingTime {
    private WaitingTime() {
    }

    public static String format(long millis, Messages messages) {
        long seconds = Math.max(0, millis / 1000);
        if (seconds < 60) {
            return messages.get("time.seconds", seconds);
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return messages.get("time.minutes", minutes);
        }
        return messages.get("time.hours", minutes / 60, minutes % 60);
    }
}
