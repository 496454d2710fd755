package io.valkeystreams.core.wire;

import java.util.Map;

/**
 * Maps events to the flat field map of the wire format and back: the event's own fields in
 * snake_case, nulls omitted, numbers as decimal text, booleans as {@code true}/{@code false},
 * nested values as JSON text. Metadata fields are not the codec's business.
 */
public interface EventCodec {

    /**
     * Encodes an event: its type (for {@code event_type}) and its own fields, in declaration order.
     * The type is the event's {@code eventType} property when it has one, else the value of
     * {@link EventType} on its class, else its simple class name in snake_case.
     *
     * @throws EventEncodingException naming the field when a value cannot be written (NaN, infinity,
     *                                a field that collides with a metadata field …)
     */
    EncodedEvent encode(Object event);

    /**
     * Reads an event of the given type from the fields of an entry (unknown fields are ignored).
     *
     * @throws EventDecodingException naming the field when the entry does not fit the type
     */
    <T> T decode(Map<String, String> fields, Class<T> type);
}
