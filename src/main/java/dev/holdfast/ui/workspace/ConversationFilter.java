package dev.holdfast.ui.workspace;

import dev.holdfast.protocol.CustomerInfo;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the search field and the filter menu ask of every tab: each word of the query found in the
 * customer's name, tags, channel or the conversation id (ignoring case and accents, so "maria"
 * finds "María"), and the chosen channel, language, unanswered and unread conditions. Immutable;
 * the query is folded once here, not once per row.
 */
public final class ConversationFilter implements Predicate<ConversationItem> {
    public static final ConversationFilter NONE = new ConversationFilter("", null, null, false, false);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final String query;
    private final String[] words;
    private final String channel;
    private final String language;
    private final boolean unansweredOnly;
    private final boolean unreadOnly;

    /**
     * @param channel  only this channel, or null for any
     * @param language only this language, or null for any
     */
    public ConversationFilter(String query, String channel, String language, boolean unansweredOnly,
                              boolean unreadOnly) {
        this.query = query == null ? "" : query;
        this.words = this.query.isBlank() ? new String[0] : fold(this.query.strip()).split("\\s+");
        this.channel = channel;
        this.language = language;
        this.unansweredOnly = unansweredOnly;
        this.unreadOnly = unreadOnly;
    }

    /** Lower case without accents: the form both sides of a search are compared in. */
    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean test(ConversationItem item) {
        CustomerInfo customer = item.summary().customer();
        if (channel != null && !channel.equals(customer.channel())
                || language != null && !language.equals(customer.language())
                || unansweredOnly && item.waitingSince() == null
                || unreadOnly && item.unread() == 0) {
            return false;
        }
        if (words.length == 0) {
            return true;
        }
        String haystack = fold(customer.name() + ' ' + String.join(" ", customer.tags()) + ' ' + customer.channel()
                + ' ' + item.id());
        for (String word : words) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    public String query() {
        return query;
    }

    public String channel() {
        return channel;
    }

    public String language() {
        return language;
    }

    public boolean unansweredOnly() {
        return unansweredOnly;
    }

    public boolean unreadOnly() {
        return unreadOnly;
    }

    /** True when something beyond the search text narrows the lists (the filter button shows it). */
    public boolean narrowsBeyondQuery() {
        return channel != null || language != null || unansweredOnly || unreadOnly;
    }

    public ConversationFilter withQuery(String text) {
        return new ConversationFilter(text, channel, language, unansweredOnly, unreadOnly);
    }

    public ConversationFilter withChannel(String only) {
        return new ConversationFilter(query, only, language, unansweredOnly, unreadOnly);
    }

    public ConversationFilter withLanguage(String only) {
        return new ConversationFilter(query, channel, only, unansweredOnly, unreadOnly);
    }

    public ConversationFilter withUnansweredOnly(boolean on) {
        return new ConversationFilter(query, channel, language, on, unreadOnly);
    }

    public ConversationFilter withUnreadOnly(boolean on) {
        return new ConversationFilter(query, channel, language, unansweredOnly, on);
    }
}
