package dev.holdfast.platform.live;

import dev.holdfast.protocol.ConversationEvent;
import java.util.List;
import java.util.Map;

/**
 * Where the live store writes through to. Every call happens under the live store's lock and
 * before the change is applied in memory, so a failed write (a full disk) changes nothing.
 */
public interface Persistence extends AutoCloseable {

    /** "memory" or "sqlite", as reported by /health. */
    String kind();

    /** What a previous run left, or an empty snapshot with a null epoch. */
    Snapshot load();

    void saveEpoch(String epoch);

    void appendEvent(ConversationEvent event);

    /** Replaces a conversation's whole log and meta (restore, rebase, restart after grace). */
    void replaceConversation(String conversationId, List<ConversationEvent> events, ConversationMeta meta);

    void saveMeta(String conversationId, ConversationMeta meta);

    void savePending(String conversationId, PendingMessage message);

    void clearPending(String conversationId);

    /** Drops everything and starts over with a new epoch. */
    void wipe(String newEpoch);

    @Override
    void close();

    record Snapshot(String epoch, Map<String, List<ConversationEvent>> events, Map<String, ConversationMeta> metas,
                    Map<String, List<PendingMessage>> pending) {
    }

    /** The volatile store: nothing survives the process, on purpose (it reproduces the incident). */
    final class Volatile implements Persistence {
        @Override
        public String kind() {
            return "memory";
        }

        @Override
        public Snapshot load() {
            return new Snapshot(null, Map.of(), Map.of(), Map.of());
        }

        @Override
        public void saveEpoch(String epoch) {
        }

        @Override
        public void appendEvent(ConversationEvent event) {
        }

        @Override
        public void replaceConversation(String conversationId, List<ConversationEvent> events, ConversationMeta meta) {
        }

        @Override
        public void saveMeta(String conversationId, ConversationMeta meta) {
        }

        @Override
        public void savePending(String conversationId, PendingMessage message) {
        }

        @Override
        public void clearPending(String conversationId) {
        }

        @Override
        public void wipe(String newEpoch) {
        }

        @Override
        public void close() {
        }
    }
}
