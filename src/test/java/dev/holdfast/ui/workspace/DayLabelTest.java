package dev.holdfast.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.ui.i18n.Messages;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Day separators: today, yesterday, else the date in the reader's language, by the reader's zone. */
class DayLabelTest {
    private final ZoneId madrid = ZoneId.of("Europe/Madrid");
    private final LocalDate today = LocalDate.of(2026, 11, 29);

    private long at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), madrid).toInstant().toEpochMilli();
    }

    @Test
    void todayYesterdayAndOlder() {
        Messages en = Messages.forLanguage("en");
        Messages es = Messages.forLanguage("es");
        assertThat(DayLabel.of(at("2026-11-29T00:01"), today, madrid, en)).isEqualTo("Today");
        assertThat(DayLabel.of(at("2026-11-28T23:59"), today, madrid, en)).isEqualTo("Yesterday");
        assertThat(DayLabel.of(at("2026-11-28T23:59"), today, madrid, es)).isEqualTo("Ayer");
        assertThat(DayLabel.of(at("2026-11-27T10:00"), today, madrid, en)).isEqualTo("Friday, November 27, 2026");
        assertThat(DayLabel.of(at("2026-11-27T10:00"), today, madrid, es)).isEqualTo("Viernes, 27 de noviembre de 2026");
    }

    @Test
    void theDayChangesAtTheReadersMidnight() {
        assertThat(DayLabel.differentDays(at("2026-11-28T23:59"), at("2026-11-29T00:00"), madrid)).isTrue();
        assertThat(DayLabel.differentDays(at("2026-11-29T00:00"), at("2026-11-29T23:59"), madrid)).isFalse();
        // 23:30 UTC is already the next day in Madrid.
        assertThat(DayLabel.differentDays(at("2026-11-29T00:30"), at("2026-11-29T10:00"), ZoneId.of("UTC"))).isTrue();
    }
}
