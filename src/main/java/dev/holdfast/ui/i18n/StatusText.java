package dev.holdfast.ui.i18n;

import dev.holdfast.client.status.SessionStatus;

/** Turns the connection status into the plain words of the status bar. Stateless. */
public final class StatusText {
    private final Messages messages;

    public StatusText(Messages messages) {
        this.messages = messages;
    }

    /** {@code now} (epoch millis) counts down "reconnecting in N s". */
    public String describe(SessionStatus status, long now) {
        if (status instanceof SessionStatus.Live) {
            return messages.get("status.live");
        } else if (status instanceof SessionStatus.Connecting) {
            return messages.get("status.connecting");
        } else if (status instanceof SessionStatus.Reconnecting r) {
            return messages.get("status.reconnecting", secondsUntil(r.nextAttemptAt(), now));
        } else if (status instanceof SessionStatus.Offline o) {
            return o.unsent() == 0 ? messages.get("status.offline") : messages.get("status.offline.unsent", o.unsent());
        } else if (status instanceof SessionStatus.Recovering r) {
            return r.total() == 0 ? messages.get("status.recovering.starting")
                    : messages.get("status.recovering", r.done(), r.total());
        } else if (status instanceof SessionStatus.NeedsPassword) {
            return messages.get("status.needsPassword");
        } else if (status instanceof SessionStatus.Failed f) {
            return messages.get("status.failed", f.problem().userMessage());
        }
        return messages.get("status.signedOut");
    }

    /** Whole seconds left, rounded up, never below zero. */
    static long secondsUntil(long at, long now) {
        return Math.max(0, (at - now + 999) / 1000);
    }
}
