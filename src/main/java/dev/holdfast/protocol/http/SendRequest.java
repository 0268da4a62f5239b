package dev.holdfast.protocol.http;

import dev.holdfast.protocol.Limits;
import dev.holdfast.protocol.Require;

/** POST /v1/conversations/{id}/messages (the HTTP twin of the send frame). */
public record SendRequest(String deviceId, String clientMessageId, String text) {
    public SendRequest {
        Require.text(deviceId, "deviceId", Limits.MAX_ID_CHARS);
        Require.text(clientMessageId, "clientMessageId", Limits.MAX_ID_CHARS);
        Require.text(text, "text", Limits.MAX_TEXT_CHARS);
    }
}
