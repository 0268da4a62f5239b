package dev.holdfast.client.common;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A current value that others can watch: how the core publishes its state (connection state,
 * conversations, delivery states) to the UI bridge and to tests.
 *
 * <p>Threading: {@link #get} is safe from any thread. {@link #set} is called by the owner of the
 * value, the core thread, and listeners run right there, synchronously, so they must be quick and
 * must not block (the UI bridge only queues the value for the FX thread). {@link #subscribe}
 * delivers the current value at once, on the subscribing thread; set and subscribe are serialised
 * so that a subscriber never misses a change nor ends up holding an older value than the current
 * one. Values should be immutable: a listener sees the very object that was set.
 *
 * <p>Setting a value equal to the current one notifies nobody: listeners hear changes, not
 * repetitions.
 */
public final class Observable<T> {
    private final List<Subscriber<T>> subscribers = new CopyOnWriteArrayList<>();
    private volatile T value;
    /** Counts sets, so that a set made by a listener stops the older round of notifications. */
    private long version;

    public Observable(T initial) {
        this.value = initial;
    }

    public T get() {
        return value;
    }

    public synchronized void set(T newValue) {
        if (Objects.equals(value, newValue)) {
            return;
        }
        value = newValue;
        long mine = ++version;
        for (Subscriber<T> s : subscribers) {
            if (version != mine) {
                // A listener set a newer value and every subscriber has been told about that one;
                // telling the rest about this older value now would leave them behind.
                return;
            }
            s.deliver(newValue);
        }
    }

    /** Calls {@code listener} with the current value now and with every later change, until cancelled. */
    public synchronized Cancellable subscribe(Consumer<? super T> listener) {
        Subscriber<T> s = new Subscriber<>(listener);
        subscribers.add(s);
        s.deliver(value);
        return () -> {
            s.cancelled = true;
            subscribers.remove(s);
        };
    }

    private static final class Subscriber<T> {
        final Consumer<? super T> listener;
        volatile boolean cancelled;

        Subscriber(Consumer<? super T> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
        }

        void deliver(T value) {
            // A subscriber cancelled during this round (by an earlier listener) hears nothing more.
            if (!cancelled) {
                listener.accept(value);
            }
        }
    }
}
