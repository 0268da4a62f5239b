package dev.holdfast.protocol.http;

/** GET /health */
public record Health(String status, String version, int protocol, String store, String epoch) {
}
