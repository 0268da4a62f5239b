package dev.holdfast.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.protocol.Limits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PhraseBookTest {
    private final PhraseBook book = PhraseBook.standard();

    @Test
    void bothLanguagesHaveEveryKindOfLineAndEveryTopic() {
        for (Language language : Language.values()) {
            PhraseBook.Phrases phrases = book.phrases(language);
            assertThat(phrases).as(language.name()).isNotNull();
            assertThat(phrases.firstNames()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(phrases.lastNames()).hasSizeGreaterThanOrEqualTo(10);
            assertThat(phrases.greetings()).isNotEmpty();
            assertThat(phrases.thanks()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(phrases.goodbyes()).hasSizeGreaterThanOrEqualTo(3);
            for (Topic topic : Topic.values()) {
                assertThat(phrases.openings().get(topic)).as(language + " " + topic).hasSizeGreaterThanOrEqualTo(3);
                assertThat(phrases.followUps().get(topic)).as(language + " " + topic).hasSizeGreaterThanOrEqualTo(3);
            }
        }
        assertThat(Language.ENGLISH.code()).isEqualTo("en");
        assertThat(Language.SPANISH.code()).isEqualTo("es");
    }

    @Test
    void noEmptyOrUntrimmedLinesOrNames() {
        for (Language language : Language.values()) {
            PhraseBook.Phrases phrases = book.phrases(language);
            List<String> everything = new ArrayList<>(phrases.allLines());
            everything.addAll(phrases.firstNames());
            everything.addAll(phrases.lastNames());
            assertThat(everything).allSatisfy(line -> {
                assertThat(line).isNotBlank();
                assertThat(line).isEqualTo(line.strip());
                assertThat(line.length()).isLessThanOrEqualTo(Limits.MAX_TEXT_CHARS);
                assertThat(line.replace(PhraseBook.ORDER, "").replace(PhraseBook.CARD, "")).doesNotContain("{", "}");
            });
            assertThat(new HashSet<>(phrases.allLines())).as("no duplicate lines in " + language)
                    .hasSameSizeAs(phrases.allLines());
        }
    }

    @Test
    void theLanguagesShareNoLines() {
        Set<String> english = new HashSet<>(book.phrases(Language.ENGLISH).allLines());
        Set<String> spanish = new HashSet<>(book.phrases(Language.SPANISH).allLines());
        english.retainAll(spanish);
        assertThat(english).isEmpty();
    }

    @Test
    void spanishReallyIsSpanish() {
        String spanish = String.join(" ", book.phrases(Language.SPANISH).allLines());
        assertThat(spanish).contains("¿", "pedido", "reembolso", "contraseña", "factura", "plan");
        String english = String.join(" ", book.phrases(Language.ENGLISH).allLines());
        assertThat(english).contains("order", "refund", "password", "invoice", "plan").doesNotContain("¿");
    }
}
