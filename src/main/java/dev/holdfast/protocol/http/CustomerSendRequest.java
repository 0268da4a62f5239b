package dev.holdfast.protocol.http;

import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.Require;

/** POST /v1/customer/messages, with the customer token as bearer. */
public record CustomerSendRequest(String clientMessageId, String text) {
    public CustomerSendRequest {
        Require.text(clientMessageId, "clientMessageId", Limits.MAX_ID_CHARS);
        Require.text(text, "text", Limits.MAX_TEXT_CHARS);
    }
}
