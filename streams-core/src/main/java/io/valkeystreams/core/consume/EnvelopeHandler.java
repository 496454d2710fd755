package io.valkeystreams.core.consume;

import io.valkeystreams.core.wire.Envelope;

/**
 * Handles raw entries: every event type that has no typed {@link EventHandler} when registered as
 * the catch-all of a {@link HandlerRegistry}. Returning acknowledges the entry; throwing leads to a
 * retry or a dead letter.
 */
@FunctionalInterface
public interface EnvelopeHandler {

    /** Handles one entry. */
    void handle(Envelope envelope, Delivery delivery) throws Exception;
}
