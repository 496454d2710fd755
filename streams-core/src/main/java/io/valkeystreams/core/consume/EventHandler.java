package io.valkeystreams.core.consume;

/**
 * Handles events of one type, decoded by the container's {@link io.valkeystreams.core.wire.EventCodec}.
 * Returning acknowledges the entry; throwing leads to a retry or a dead letter. Handlers must be
 * idempotent: delivery is at least once (use {@link Delivery#eventId()} to recognise repeats).
 *
 * @param <T> the event class
 */
@FunctionalInterface
public interface EventHandler<T> {

    /** Handles one event. */
    void handle(T event, Delivery delivery) throws Exception;
}
