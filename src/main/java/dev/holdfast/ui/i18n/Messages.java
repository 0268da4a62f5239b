package dev.holdfast.ui.i18n;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The panel's words in one language (English or Spanish), from
 * {@code dev/holdfast/ui/messages_<lang>.properties}. Values are {@link MessageFormat} patterns,
 * so a literal apostrophe is written twice. Immutable; any thread.
 */
public final class Messages {
    public static final String BUNDLE = "dev.holdfast.ui.messages";
    public static final Set<String> LANGUAGES = Set.of("en", "es");

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = locale;
        // No fallback: a key missing in Spanish must not silently show English (the test catches it).
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Spanish for a Spanish locale, English for everything else. */
    public static Messages forLocale(Locale locale) {
        String language = LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
        return new Messages(Locale.forLanguageTag(language));
    }

    public static Messages forLanguage(String language) {
        return forLocale(Locale.forLanguageTag(language));
    }

    public Locale locale() {
        return locale;
    }

    public String get(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(bundle.keySet());
    }
}
