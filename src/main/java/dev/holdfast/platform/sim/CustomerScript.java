package dev.holdfast.platform.sim;

import dev.holdfast.protocol.http.CustomerOpenRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One simulated customer's persona and what they will write, in order: perhaps a greeting, an
 * opening about their topic, one to three follow-ups, thanks, and a goodbye (always the last
 * line). Every line is in the customer's one language.
 */
public record CustomerScript(Language language, String customerName, Topic topic, List<String> tags,
                             List<String> lines) {
    public static final String CHANNEL = "web";

    public CustomerScript {
        tags = List.copyOf(tags);
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a script needs at least one line");
        }
    }

    /** Draws a persona and its lines from {@code book}; the same random state gives the same script. */
    public static CustomerScript draw(PhraseBook book, Random random) {
        Language language = random.nextDouble() < 0.6 ? Language.ENGLISH : Language.SPANISH;
        PhraseBook.Phrases phrases = book.phrases(language);
        Topic topic = pick(List.of(Topic.values()), random);
        String name = pick(phrases.firstNames(), random) + " " + pick(phrases.lastNames(), random);
        List<String> tags = new ArrayList<>(List.of(topic.tag()));
        if (random.nextDouble() < 0.15) {
            tags.add("vip");
        }
        String order = "#" + (100_000 + random.nextInt(900_000));
        String card = String.format("%04d", random.nextInt(10_000));

        List<String> lines = new ArrayList<>();
        if (random.nextDouble() < 0.3) {
            lines.add(pick(phrases.greetings(), random));
        }
        lines.add(pick(phrases.openings().get(topic), random));
        List<String> followUps = new ArrayList<>(phrases.followUps().get(topic));
        int count = 1 + random.nextInt(Math.min(3, followUps.size()));
        for (int i = 0; i < count; i++) {
            lines.add(followUps.remove(random.nextInt(followUps.size())));
        }
        lines.add(pick(phrases.thanks(), random));
        lines.add(pick(phrases.goodbyes(), random));
        lines.replaceAll(line -> line.replace(PhraseBook.ORDER, order).replace(PhraseBook.CARD, card));
        return new CustomerScript(language, name, topic, tags, lines);
    }

    private static <T> T pick(List<T> options, Random random) {
        return options.get(random.nextInt(options.size()));
    }

    public boolean isGoodbye(int lineIndex) {
        return lineIndex == lines.size() - 1;
    }

    /** The body of POST /v1/customer/conversations for this customer. */
    public CustomerOpenRequest openRequest() {
        return new CustomerOpenRequest(customerName, language.code(), CHANNEL, tags);
    }
}
