package dev.holdfast.protocol;

import java.util.List;

/** The customer behind a conversation, as they introduced themselves. */
public record CustomerInfo(String id, String name, String language, String channel, List<String> tags) {
    public CustomerInfo {
        Require.text(id, "customer.id", Limits.MAX_ID_CHARS);
        Require.text(name, "customer.name", 200);
        language = language == null || language.isBlank() ? "en" : language;
        channel = channel == null || channel.isBlank() ? "web" : channel;
        tags = Require.list(tags);
    }
}
