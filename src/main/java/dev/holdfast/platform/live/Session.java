package dev.holdfast.platform.live;

import java.util.Map;

/** A device's session: survives reconnects for the session TTL, lost with the live store. Guarded by its lock. */
final class Session {
    final String id;
    final String userId;
    final String deviceId;
    int connections;
    long disconnectedAt;
    /**
     * The panel's latest outbox report: unacknowledged messages per conversation. Kept while the
     * session is kept (also while its panel reconnects), gone with the session or at sign-out.
     */
    Map<String, Integer> unsent = Map.of();

    Session(String id, String userId, String deviceId) {
        this.id = id;
        this.userId = userId;
        this.deviceId = deviceId;
    }
}
