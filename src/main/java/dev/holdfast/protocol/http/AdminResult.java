package dev.holdfast.protocol.http;

/** POST /admin/drop-connections and /admin/expire-tokens: how many things it touched. */
public record AdminResult(String action, int affected) {
}
