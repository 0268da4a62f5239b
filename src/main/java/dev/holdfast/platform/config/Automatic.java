package dev.holdfast.platform.config;

import java.util.Locale;
import java.util.Map;

/**
 * What the platform does on its own (policies.automatic in the config file). Every timer is off
 * (0) unless configured; none ever touches a conversation under active handling.
 *
 * @param warnSilentCustomerSeconds   after the agent's last message, how long the customer may stay silent
 *                                    before a system message warns them that the conversation will close
 * @param closeSilentCustomerSeconds  after the agent's last message, how long before the conversation closes
 * @param maxQueueSeconds             how long a conversation may wait in the queue; then it closes with a
 *                                    message asking the customer to write again later
 * @param signOffInactiveAgentSeconds how long a connected, available agent may go without typing, sending or
 *                                    any other action before the platform sets them away (nothing else changes)
 * @param texts                       the customer-facing texts by key, then by language; English is the fallback
 */
public record Automatic(int warnSilentCustomerSeconds, int closeSilentCustomerSeconds, int maxQueueSeconds,
                        int signOffInactiveAgentSeconds, Map<String, Map<String, String>> texts) {
    public static final String SILENCE_WARNING = "silenceWarning";
    public static final String SILENCE_CLOSE = "silenceClose";
    public static final String QUEUE_CLOSE = "queueClose";

    private static final Map<String, Map<String, String>> DEFAULT_TEXTS = Map.of(
            SILENCE_WARNING, Map.of(
                    "en", "Are you still there? This conversation will close soon if we do not hear from you.",
                    "es", "¿Sigue ahí? Esta conversación se cerrará pronto si no recibimos respuesta."),
            SILENCE_CLOSE, Map.of(
                    "en", "We are closing this conversation as we have not heard from you. Write again any time.",
                    "es", "Cerramos esta conversación porque no hemos recibido respuesta. Escríbanos cuando quiera."),
            QUEUE_CLOSE, Map.of(
                    "en", "Sorry, all our agents are busy. Please write to us again a little later.",
                    "es", "Lo sentimos, todos nuestros agentes están ocupados. Escríbanos de nuevo un poco más tarde."));

    public Automatic {
        notNegative("warnSilentCustomerSeconds", warnSilentCustomerSeconds);
        notNegative("closeSilentCustomerSeconds", closeSilentCustomerSeconds);
        notNegative("maxQueueSeconds", maxQueueSeconds);
        notNegative("signOffInactiveAgentSeconds", signOffInactiveAgentSeconds);
        if (warnSilentCustomerSeconds > 0 && closeSilentCustomerSeconds > 0
                && warnSilentCustomerSeconds >= closeSilentCustomerSeconds) {
            throw new IllegalArgumentException("policies.automatic.warnSilentCustomerSeconds must be less than"
                    + " closeSilentCustomerSeconds, so that the warning comes before the close");
        }
        texts = texts == null ? Map.of() : Map.copyOf(texts);
        for (String key : texts.keySet()) {
            if (!DEFAULT_TEXTS.containsKey(key)) {
                throw new IllegalArgumentException("unknown text \"" + key + "\" in policies.automatic.texts"
                        + " (expected " + SILENCE_WARNING + ", " + SILENCE_CLOSE + " or " + QUEUE_CLOSE + ")");
            }
        }
    }

    public static Automatic off() {
        return new Automatic(0, 0, 0, 0, Map.of());
    }

    /** The text in the customer's language: configured, else the built-in one, else English. */
    public String text(String key, String language) {
        String lang = language == null ? "en" : language.toLowerCase(Locale.ROOT);
        Map<String, String> configured = texts.getOrDefault(key, Map.of());
        Map<String, String> builtIn = DEFAULT_TEXTS.get(key);
        for (String candidate : new String[] {lang, lang.split("[-_]")[0]}) {
            if (configured.containsKey(candidate)) {
                return configured.get(candidate);
            }
            if (builtIn.containsKey(candidate)) {
                return builtIn.get(candidate);
            }
        }
        return configured.getOrDefault("en", builtIn.get("en"));
    }

    private static void notNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("policies.automatic." + name + " must be 0 (off) or positive, got "
                    + value);
        }
    }
}
