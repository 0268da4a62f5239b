package dev.holdfast.protocol.http;

/** POST /admin/wipe */
public record WipeResponse(String oldEpoch, String newEpoch) {
}
