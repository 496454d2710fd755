package io.valkeystreams.core.publish;

/**
 * One event to publish.
 *
 * @param stream       base stream name
 * @param partitionKey key that keeps related events in one partition and in order, or null to spread
 * @param event        the event: a record or bean (its properties become fields), or a {@code Map}
 *                     of field names to values that includes {@code event_type}
 * @param traceparent  W3C trace context to carry to handlers, or null
 */
public record PublishRequest(String stream, String partitionKey, Object event, String traceparent) {

    /** A request without trace context. */
    public static PublishRequest of(String stream, String partitionKey, Object event) {
        return new PublishRequest(stream, partitionKey, event, null);
    }
}
