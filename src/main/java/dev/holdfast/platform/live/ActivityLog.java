package dev.holdfast.platform.live;

import java.util.HashMap;
import java.util.Map;

/**
 * What agents did and when, on the platform's clock at receipt (a panel's clock is never
 * trusted): their last typing signal and message, overall and per conversation, and their last
 * action of any kind (hello, typing, send, take, presence). Heartbeats are not actions: a panel
 * left open pings forever. Part of the live store, guarded by its lock, lost on a wipe.
 */
final class ActivityLog {
    /** Times in epoch ms; 0 means never. */
    static final class Marks {
        long typedAt;
        long sentAt;
        long actedAt;
    }

    private final Map<String, Marks> byAgent = new HashMap<>();
    /** Keyed by conversation id, then by user id. */
    private final Map<String, Map<String, Marks>> byConversation = new HashMap<>();

    void typed(String userId, String conversationId, long now) {
        agent(userId).typedAt = now;
        agent(userId).actedAt = now;
        marksIn(conversationId, userId).typedAt = now;
    }

    void sent(String userId, String conversationId, long now) {
        agent(userId).sentAt = now;
        agent(userId).actedAt = now;
        marksIn(conversationId, userId).sentAt = now;
    }

    void acted(String userId, long now) {
        agent(userId).actedAt = now;
    }

    /** The agent's marks; never null (all zero for an agent not seen since the live state began). */
    Marks ofAgent(String userId) {
        return byAgent.getOrDefault(userId, new Marks());
    }

    /** The user's marks in the conversation; never null. */
    Marks inConversation(String conversationId, String userId) {
        return byConversation.getOrDefault(conversationId, Map.of()).getOrDefault(userId, new Marks());
    }

    private Marks agent(String userId) {
        return byAgent.computeIfAbsent(userId, k -> new Marks());
    }

    private Marks marksIn(String conversationId, String userId) {
        return byConversation.computeIfAbsent(conversationId, k -> new HashMap<>())
                .computeIfAbsent(userId, k -> new Marks());
    }

    void clear() {
        byAgent.clear();
        byConversation.clear();
    }
}
