package dev.holdfast.platform.live;

/** A device's session: survives reconnects for the session TTL, lost with the live store. */
final class Session {
    final String id;
    final String userId;
    final String deviceId;
    int connections;
    long disconnectedAt;

    Session(String id, String userId, String deviceId) {
        this.id = id;
        this.userId = userId;
        this.deviceId = deviceId;
    }
}
