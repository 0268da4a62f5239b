package dev.holdfast.platform.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.protocol.http.CustomerOpenRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CustomerScriptTest {
    private final PhraseBook book = PhraseBook.standard();

    @Test
    void sameSeedGivesTheSameScript() {
        for (long seed = 0; seed < 50; seed++) {
            assertThat(CustomerScript.draw(book, random(seed))).isEqualTo(CustomerScript.draw(book, random(seed)));
        }
    }

    @Test
    void seedsVaryLanguageTopicAndLines() {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        Set<List<String>> scripts = new java.util.HashSet<>();
        for (long seed = 0; seed < 200; seed++) {
            CustomerScript script = CustomerScript.draw(book, random(seed));
            languages.add(script.language());
            topics.add(script.topic());
            scripts.add(script.lines());
        }
        assertThat(languages).containsExactlyInAnyOrder(Language.values());
        assertThat(topics).containsExactlyInAnyOrder(Topic.values());
        assertThat(scripts).hasSizeGreaterThan(150);
    }

    @Test
    void everyLineIsFromTheCustomersOwnLanguageInAPlausibleOrder() {
        for (long seed = 0; seed < 300; seed++) {
            CustomerScript script = CustomerScript.draw(book, random(seed));
            PhraseBook.Phrases own = book.phrases(script.language());
            List<Pattern> ownLines = patterns(own.allLines());
            assertThat(script.lines()).as("seed " + seed).allSatisfy(line ->
                    assertThat(ownLines).anyMatch(p -> p.matcher(line).matches()));

            List<String> lines = script.lines();
            assertThat(lines).hasSizeBetween(4, 7).doesNotHaveDuplicates();
            assertThat(own.goodbyes()).contains(lines.get(lines.size() - 1));
            assertThat(own.thanks()).contains(lines.get(lines.size() - 2));
            assertThat(script.isGoodbye(lines.size() - 1)).isTrue();
            assertThat(script.isGoodbye(0)).isFalse();
            String opening = own.greetings().contains(lines.get(0)) ? lines.get(1) : lines.get(0);
            assertThat(patterns(own.openings().get(script.topic()))).anyMatch(p -> p.matcher(opening).matches());

            assertThat(own.firstNames()).contains(script.customerName().split(" ")[0]);
            assertThat(script.tags()).startsWith(script.topic().tag());
        }
    }

    @Test
    void orderNumberIsTheSameThroughoutAScript() {
        for (long seed = 0; seed < 300; seed++) {
            CustomerScript script = CustomerScript.draw(book, random(seed));
            Set<String> orders = script.lines().stream()
                    .flatMap(line -> Pattern.compile("#\\d{6}").matcher(line).results().map(r -> r.group()))
                    .collect(Collectors.toSet());
            assertThat(orders).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void openRequestDescribesTheCustomer() {
        CustomerScript script = CustomerScript.draw(book, new Random(7));
        CustomerOpenRequest request = script.openRequest();
        assertThat(request.name()).isEqualTo(script.customerName());
        assertThat(request.language()).isEqualTo(script.language().code()).isIn("en", "es");
        assertThat(request.channel()).isEqualTo("web");
        assertThat(request.tags()).isEqualTo(script.tags());
    }

    /** java.util.Random's first draws are alike for small neighbouring seeds; spread them first. */
    private static Random random(long seed) {
        return new Random(seed * 0x9E3779B97F4A7C15L);
    }

    private static List<Pattern> patterns(List<String> templates) {
        return templates.stream()
                .map(t -> Pattern.compile(Pattern.quote(t)
                        .replace(PhraseBook.ORDER, "\\E#\\d{6}\\Q")
                        .replace(PhraseBook.CARD, "\\E\\d{4}\\Q")))
                .collect(Collectors.toList());
    }
}
