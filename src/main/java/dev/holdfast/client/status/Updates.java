package dev.holdfast.client.status;

/** Where the sync layer publishes what changed (the session fans it out). */
@FunctionalInterface
public interface Updates {
    void publish(SessionUpdate update);
}
