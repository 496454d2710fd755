package io.valkeystreams.core.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An entry as read from a stream: its metadata parsed and checked, plus every field as written.
 *
 * @param eventId     {@code event_id}
 * @param eventType   {@code event_type}
 * @param timestamp   {@code timestamp}, epoch seconds (0 when absent)
 * @param streamName  {@code stream_name}
 * @param partition   {@code partition} (0 when absent)
 * @param traceparent {@code traceparent}, or null
 * @param fields      every field of the entry, metadata included, unmodifiable
 */
public record Envelope(String eventId, String eventType, long timestamp, String streamName, int partition,
                       String traceparent, Map<String, String> fields) {

    /**
     * Reads the metadata of an entry's fields.
     *
     * @throws EventDecodingException when {@code event_type} is missing or a numeric field is not a number
     */
    public static Envelope parse(Map<String, String> fields) {
        return read(fields, true);
    }

    /**
     * Reads the metadata of an entry's fields like {@link #parse}, but keeps the map itself, behind an
     * unmodifiable view, instead of copying it: for a caller that owns the map and never changes it, such as
     * a consumer handing over an entry it has just read.
     *
     * @throws EventDecodingException when {@code event_type} is missing or a numeric field is not a number
     */
    public static Envelope adopt(Map<String, String> fields) {
        return read(fields, false);
    }

    private static Envelope read(Map<String, String> fields, boolean copy) {
        if (fields == null || fields.isEmpty()) {
            throw new EventDecodingException("entry has no fields");
        }
        String eventType = fields.get(WireFields.EVENT_TYPE);
        if (eventType == null || eventType.isBlank()) {
            throw new EventDecodingException("entry has no event_type field; every entry must name its type");
        }
        return new Envelope(fields.get(WireFields.EVENT_ID), eventType,
                number(fields, WireFields.TIMESTAMP), fields.get(WireFields.STREAM_NAME),
                (int) number(fields, WireFields.PARTITION), fields.get(WireFields.TRACEPARENT),
                Collections.unmodifiableMap(copy ? new LinkedHashMap<>(fields) : fields));
    }

    private static long number(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new EventDecodingException("field '" + name + "' must be an integer, was '" + value + "'", e);
        }
    }
}
