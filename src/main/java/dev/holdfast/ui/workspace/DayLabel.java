package dev.holdfast.ui.workspace;

import dev.holdfast.ui.i18n.Messages;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The words of a day separator: "Today", "Yesterday", else the date in the reader's language
 * ("Friday, November 27, 2026" / "viernes, 27 de noviembre de 2026"). Stateless.
 */
public final class DayLabel {
    private DayLabel() {
    }

    /** Whether a separator goes between two lines written at these instants (epoch millis). */
    public static boolean differentDays(long previousAt, long at, ZoneId zone) {
        return !day(previousAt, zone).equals(day(at, zone));
    }

    public static String of(long at, LocalDate today, ZoneId zone, Messages messages) {
        LocalDate day = day(at, zone);
        if (day.equals(today)) {
            return messages.get("thread.today");
        }
        if (day.equals(today.minusDays(1))) {
            return messages.get("thread.yesterday");
        }
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(messages.locale()).format(day);
        // Spanish writes weekdays in lower case; at the start of a line it takes a capital.
        return Character.toUpperCase(date.charAt(0)) + date.substring(1);
    }

    private static LocalDate day(long at, ZoneId zone) {
        return Instant.ofEpochMilli(at).atZone(zone).toLocalDate();
    }
}
