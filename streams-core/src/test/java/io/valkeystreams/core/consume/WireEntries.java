package io.valkeystreams.core.consume;

import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.wire.WireFields;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes wire-format entries with a raw XADD, as any producer would (tests do not depend on the
 * publisher).
 */
public final class WireEntries {

    /** One written entry. */
    public record Written(StreamKey key, String id, String eventId, Map<String, String> fields) {
    }

    private WireEntries() {
    }

    /** Writes an event of {@code eventType} with its own fields to one partition of a stream. */
    public static Written publish(StreamsConnection connection, StreamDefinition definition, int partition,
                                  String eventType, Map<String, String> own) {
        StreamKey key = definition.key(partition);
        String eventId = UUID.randomUUID().toString();
        Map<String, String> fields = new LinkedHashMap<>(own);
        fields.put(WireFields.EVENT_ID, eventId);
        fields.put(WireFields.EVENT_TYPE, eventType);
        fields.put(WireFields.TIMESTAMP, Long.toString(System.currentTimeMillis() / 1000));
        fields.put(WireFields.STREAM_NAME, definition.name());
        fields.put(WireFields.PARTITION, Integer.toString(partition));
        fields.put(WireFields.PRIORITY, definition.priority().wireName());
        return new Written(key, connection.sync().xadd(key.key(), fields), eventId, fields);
    }

    /** Writes a raw field map (for entries that break the wire format). */
    public static Written raw(StreamsConnection connection, StreamKey key, Map<String, String> fields) {
        return new Written(key, connection.sync().xadd(key.key(), fields), fields.get(WireFields.EVENT_ID), fields);
    }
}
