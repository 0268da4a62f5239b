package dev.holdfast.client.common;

/** A scheduled task or a subscription that may still be called off. Cancelling twice, or too late, does nothing. */
@FunctionalInterface
public interface Cancellable {
    Cancellable NONE = () -> { };

    void cancel();
}
