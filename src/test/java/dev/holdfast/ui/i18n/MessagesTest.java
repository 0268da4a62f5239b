package dev.holdfast.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Both languages carry every key, with words in it. */
class MessagesTest {
    private final Messages en = Messages.forLanguage("en");
    private final Messages es = Messages.forLanguage("es");

    @Test
    void everyKeyExistsInBothLanguages() {
        assertThat(es.keys()).as("keys missing in Spanish").containsAll(en.keys());
        assertThat(en.keys()).as("keys missing in English").containsAll(es.keys());
    }

    @Test
    void noValueIsBlank() {
        // Numbers, because choice patterns ("1 message|2 messages") take only numbers.
        for (Messages m : new Messages[] {en, es}) {
            for (String key : m.keys()) {
                assertThat(m.get(key, 2, 3).strip()).as(m.locale() + " " + key).isNotEmpty();
            }
        }
    }

    @Test
    void apostrophesAreWrittenTwiceSoTheyShow() {
        assertThat(en.get("menu.signOutAndErase")).isEqualTo("Sign out and erase this computer's copy");
    }

    @Test
    void otherLanguagesFallBackToEnglish() {
        assertThat(Messages.forLocale(Locale.FRENCH).locale().getLanguage()).isEqualTo("en");
        assertThat(Messages.forLocale(Locale.forLanguageTag("es-MX")).get("status.live")).isEqualTo("En línea");
    }
}
