package io.valkeystreams.core.publish;

import io.lettuce.core.XAddArgs;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.wire.EncodedEvent;
import io.valkeystreams.core.wire.EventCodec;
import io.valkeystreams.core.wire.EventEncodingException;
import io.valkeystreams.core.wire.WireFields;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Validates and encodes a request into an entry: partition, fields, metadata, trimming arguments. */
final class EntryPreparer {

    private final StreamCatalog catalog;
    private final EventCodec codec;
    private final Partitioner partitioner = new Partitioner();
    private final int maxPayloadBytes;
    private final Clock clock;
    private final Map<String, XAddArgs> addArgs = new ConcurrentHashMap<>();

    EntryPreparer(StreamCatalog catalog, EventCodec codec, int maxPayloadBytes, Clock clock) {
        this.catalog = catalog;
        this.codec = codec;
        this.maxPayloadBytes = maxPayloadBytes;
        this.clock = clock;
    }

    PreparedEntry prepare(PublishRequest request) {
        if (request == null) {
            throw new InvalidEventException("publish request must not be null");
        }
        StreamDefinition stream = catalog.require(request.stream());
        if (request.event() == null) {
            throw new InvalidEventException("event for stream '" + stream.name() + "' must not be null");
        }
        StreamKey key = stream.key(partitioner.partition(stream, request.partitionKey()));
        EncodedEvent encoded;
        try {
            encoded = request.event() instanceof Map<?, ?> map ? encodeMap(stream, map) : codec.encode(request.event());
        } catch (EventEncodingException e) {
            throw new InvalidEventException("event for stream '" + stream.name() + "': " + e.getMessage());
        }
        String eventId = UUID.randomUUID().toString();
        Map<String, String> fields = new LinkedHashMap<>(encoded.fields().size() + 8);
        fields.putAll(encoded.fields());
        fields.put(WireFields.EVENT_ID, eventId);
        fields.put(WireFields.EVENT_TYPE, encoded.eventType());
        fields.put(WireFields.TIMESTAMP, Long.toString(clock.millis() / 1000));
        fields.put(WireFields.STREAM_NAME, stream.name());
        fields.put(WireFields.PARTITION, Integer.toString(key.partition()));
        fields.put(WireFields.PRIORITY, stream.priority().wireName());
        if (request.traceparent() != null && !request.traceparent().isBlank()) {
            fields.put(WireFields.TRACEPARENT, request.traceparent());
        }
        checkSize(stream, fields);
        XAddArgs args = addArgs.computeIfAbsent(stream.name(),
                name -> new XAddArgs().maxlen(stream.maxLengthPerPartition()).approximateTrimming());
        return new PreparedEntry(stream, key, eventId, fields, args);
    }

    private static EncodedEvent encodeMap(StreamDefinition stream, Map<?, ?> map) {
        Map<String, String> fields = new LinkedHashMap<>();
        String eventType = null;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String name) || name.isBlank()) {
                throw new EventEncodingException("field names must be non-blank strings, got '" + entry.getKey() + "'");
            }
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
                throw new EventEncodingException("field '" + name + "' is " + value + "; numbers must be finite");
            }
            if (WireFields.EVENT_TYPE.equals(name)) {
                eventType = value.toString();
            } else if (WireFields.isReserved(name)) {
                throw new EventEncodingException("field '" + name + "' collides with the metadata field of the same name");
            } else {
                fields.put(name, value.toString());
            }
        }
        if (eventType == null || eventType.isBlank()) {
            throw new EventEncodingException("a map event needs a non-blank '" + WireFields.EVENT_TYPE + "' entry");
        }
        return new EncodedEvent(eventType, fields);
    }

    private void checkSize(StreamDefinition stream, Map<String, String> fields) {
        long bytes = 0;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            bytes += utf8Length(field.getKey()) + utf8Length(field.getValue());
        }
        if (bytes > maxPayloadBytes) {
            throw new InvalidEventException("event for stream '" + stream.name() + "' is " + bytes
                    + " bytes, over the limit of " + maxPayloadBytes + " bytes (PublisherOptions.maxPayloadBytes)");
        }
    }

    private static int utf8Length(String text) {
        int length = text.length();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return length;
    }
}
