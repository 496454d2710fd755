package io.valkeystreams.core.deadletter;

import io.valkeystreams.core.StreamsException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of a dead-letter stream.
 *
 * @param id         its entry ID in {@code <name>:dlq}
 * @param stream     base stream name
 * @param group      {@code dlq_group}: the consumer group that failed it
 * @param source     {@code dlq_source}: the partition key it was read from
 * @param sourceId   {@code dlq_source_id}: its entry ID there
 * @param deliveries {@code dlq_deliveries}, or -1 when the field is missing or not a number
 * @param error      {@code dlq_error}: exception class and message, or the decoding problem
 * @param failedAt   {@code dlq_failed_at}, or null when missing or not a number
 * @param eventId    {@code event_id}, or null when the entry had none
 * @param eventType  {@code event_type}, or null when the entry had none
 * @param fields     the original fields of the entry (without the {@code dlq_*} fields), unmodifiable
 */
public record DeadLetter(String id, String stream, String group, String source, String sourceId, long deliveries,
                         String error, Instant failedAt, String eventId, String eventType,
                         Map<String, String> fields) {

    /** Validates the identity and copies the fields. */
    public DeadLetter {
        if (id == null || id.isBlank()) {
            throw new StreamsException("dead letter: id must not be blank");
        }
        if (stream == null || stream.isBlank()) {
            throw new StreamsException("dead letter " + id + ": stream must not be blank");
        }
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
