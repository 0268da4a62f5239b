package dev.holdfast.ui.supervisor;

import dev.holdfast.client.api.ApiException;
import dev.holdfast.protocol.AuthorKind;
import dev.holdfast.protocol.ErrorCode;
import dev.holdfast.protocol.supervision.HandlingReason;
import dev.holdfast.protocol.supervision.SkipReason;
import dev.holdfast.protocol.supervision.Staleness;
import dev.holdfast.ui.i18n.Messages;
import dev.holdfast.ui.workspace.WaitingTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console's facts in plain words, in the panel's language: why a conversation is stale ("Idle
 * 42 min · Customer waiting 12 min"), why it is left alone ("Being handled (typing)"), why a bulk
 * action skipped one, and why the platform could not be asked. Durations are the platform's own
 * (judged on its clock), never the desk's.
 */
final class SupervisionWords {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private SupervisionWords() {
    }

    static String duration(long millis, Messages messages) {
        return WaitingTime.format(millis, messages);
    }

    /** Every matching rule with how long it has held; "Being handled (…)" first when it is; "—" when fresh. */
    static String staleness(Staleness s, Messages messages) {
        if (!s.handling().isEmpty()) {
            List<String> why = new ArrayList<>();
            for (HandlingReason h : s.handling()) {
                why.add(messages.get("sup.handling." + h.name().toLowerCase(Locale.ROOT)));
            }
            return messages.get("sup.handling", String.join(", ", why));
        }
        if (s.reasons().isEmpty()) {
            return messages.get("sup.fresh");
        }
        List<String> words = new ArrayList<>();
        for (Staleness.Reason r : s.reasons()) {
            words.add(messages.get("sup.stale." + r.reason().name().toLowerCase(Locale.ROOT),
                    duration(r.forMillis(), messages)));
        }
        return String.join(" · ", words);
    }

    /** How a stale conversation sorts: stale ones by how long their longest rule has held, then handled, then fresh. */
    static long staleRank(Staleness s) {
        if (s.stale()) {
            return s.reasons().stream().mapToLong(Staleness.Reason::forMillis).max().orElse(0) + 1;
        }
        return s.handling().isEmpty() ? 0 : -1;
    }

    static String skipped(SkipReason reason, Messages messages) {
        return messages.get("sup.skip." + reason.name().toLowerCase(Locale.ROOT));
    }

    /** Who made the last activity: the agent's id, or "customer" / "system". */
    static String lastActivityBy(AuthorKind kind, String user, Messages messages) {
        if (user != null) {
            return user;
        }
        return kind == AuthorKind.CUSTOMER ? messages.get("sup.by.customer") : messages.get("sup.by.system");
    }

    /** "09:12" on this desk's clock face (a time of day is read locally; a duration comes from the platform). */
    static String clockTime(long epochMillis, ZoneId zone) {
        return CLOCK.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /** Why a console call did not work, in words; the console keeps showing what it had. */
    static String failure(Throwable failure, Messages messages) {
        if (failure instanceof ApiException e) {
            if (e.code() == null) {
                return messages.get("sup.failed.unreachable");
            }
            if (e.code() == ErrorCode.FORBIDDEN) {
                return messages.get("sup.failed.forbidden");
            }
        }
        return messages.get("sup.failed.other");
    }
}
