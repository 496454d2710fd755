/**
 * Consuming: a {@link io.valkeystreams.core.consume.ConsumerContainer} per (stream, consumer group) and
 * application instance reads a stream's partition keys with blocking {@code XREADGROUP}, hands each
 * entry to the handler registered for its {@code event_type} (one partition strictly in ID order,
 * partitions concurrently), acknowledges in batches, retries failures with back-off, dead-letters what
 * cannot succeed, takes over the pending entries of crashed consumers, and survives lost connections
 * and server restarts. Observability goes through {@link io.valkeystreams.core.consume.ConsumerListener}.
 */
package io.valkeystreams.core.consume;
