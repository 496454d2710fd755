package io.valkeystreams.core.publish;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.wire.EncodedEvent;
import io.valkeystreams.core.wire.EventCodec;
import io.valkeystreams.core.wire.EventEncodingException;
import io.valkeystreams.core.wire.WireFields;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Validates and encodes a request into an entry: partition, fields, metadata, trimming arguments, as a ready XADD. */
final class EntryPreparer {

    private final StreamCatalog catalog;
    private final EventCodec codec;
    private final Partitioner partitioner = new Partitioner();
    private final int maxPayloadBytes;
    private final Clock clock;
    private final Map<String, byte[]> trimmingArgs = new ConcurrentHashMap<>();

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
        byte[] trimming = trimmingArgs.computeIfAbsent(stream.name(),
                name -> EncodedXAdd.trimming(stream.maxLengthPerPartition()));
        EncodedXAdd.Builder command = EncodedXAdd.builder(key.key(), trimming, encoded.fields().size() + 7);
        encoded.fields().forEach(command::field);
        command.field(WireFields.EVENT_ID, eventId)
                .field(WireFields.EVENT_TYPE, encoded.eventType())
                .field(WireFields.TIMESTAMP, Long.toString(clock.millis() / 1000))
                .field(WireFields.STREAM_NAME, stream.name())
                .field(WireFields.PARTITION, Integer.toString(key.partition()))
                .field(WireFields.PRIORITY, stream.priority().wireName());
        if (request.traceparent() != null && !request.traceparent().isBlank()) {
            command.field(WireFields.TRACEPARENT, request.traceparent());
        }
        if (command.payloadBytes() > maxPayloadBytes) {
            throw new InvalidEventException("event for stream '" + stream.name() + "' is " + command.payloadBytes()
                    + " bytes, over the limit of " + maxPayloadBytes + " bytes (PublisherOptions.maxPayloadBytes)");
        }
        return new PreparedEntry(stream, key, eventId, command.build());
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
}
