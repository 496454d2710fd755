package io.valkeystreams.core.wire;

import java.util.Map;

/**
 * An event in wire form, before metadata is added.
 *
 * @param eventType the value for {@code event_type}
 * @param fields    the event's own fields (snake_case names, text values), in declaration order
 */
public record EncodedEvent(String eventType, Map<String, String> fields) {

    /** Validates the type and keeps the field map as given (the codec builds it unmodifiable). */
    public EncodedEvent {
        if (eventType == null || eventType.isBlank()) {
            throw new EventEncodingException("event_type must not be blank");
        }
        if (fields == null) {
            throw new EventEncodingException("fields must not be null");
        }
    }
}
