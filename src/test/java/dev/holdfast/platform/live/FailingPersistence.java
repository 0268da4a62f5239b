package dev.holdfast.platform.live;

import dev.holdfast.protocol.ConversationEvent;
import java.util.List;

/** The volatile store with a switch that makes every write fail, as a full disk would. */
final class FailingPersistence implements Persistence {
    private final Persistence.Volatile delegate = new Persistence.Volatile();
    volatile boolean full;

    private void check() {
        if (full) {
            throw new StoreException.Unchecked("cannot write the platform store: database or disk is full", null);
        }
    }

    @Override
    public String kind() {
        return "memory";
    }

    @Override
    public Snapshot load() {
        return delegate.load();
    }

    @Override
    public void saveEpoch(String epoch) {
        check();
    }

    @Override
    public void appendEvent(ConversationEvent event) {
        check();
    }

    @Override
    public void replaceConversation(String conversationId, List<ConversationEvent> events, ConversationMeta meta) {
        check();
    }

    @Override
    public void saveMeta(String conversationId, ConversationMeta meta) {
        check();
    }

    @Override
    public void savePending(String conversationId, PendingMessage message) {
        check();
    }

    @Override
    public void clearPending(String conversationId) {
        check();
    }

    @Override
    public void wipe(String newEpoch) {
        check();
    }

    @Override
    public void close() {
    }
}
