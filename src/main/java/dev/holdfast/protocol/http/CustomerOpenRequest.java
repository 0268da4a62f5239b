package dev.holdfast.protocol.http;

import dev.holdfast.protocol.Require;
import java.util.List;

/** POST /v1/customer/conversations: a customer starts a conversation. */
public record CustomerOpenRequest(String name, String language, String channel, List<String> tags) {
    public CustomerOpenRequest {
        Require.text(name, "name", 200);
        tags = Require.list(tags);
        if (tags.size() > 20) {
            throw new IllegalArgumentException("at most 20 tags");
        }
    }
}
