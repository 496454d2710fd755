package io.valkeystreams.core.retry;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An entry that failed for good, with everything a dead letter records.
 *
 * @param source     the partition key it was read from
 * @param entryId    its entry ID at the source
 * @param group      the consumer group that failed it
 * @param fields     its fields as read, unmodifiable
 * @param deliveries how often it was delivered to the group
 * @param error      why it failed: exception class and message, or the decoding problem
 * @param failedAt   when it was given up
 */
public record FailedEntry(StreamKey source, String entryId, String group, Map<String, String> fields,
                          long deliveries, String error, Instant failedAt) {

    /** Validates the components and copies the fields. */
    public FailedEntry {
        if (source == null) {
            throw new StreamsException("failed entry: source must not be null");
        }
        if (entryId == null || entryId.isBlank()) {
            throw new StreamsException("failed entry of " + source + ": entryId must not be blank");
        }
        if (group == null || group.isBlank()) {
            throw new StreamsException("failed entry " + source + "/" + entryId + ": group must not be blank");
        }
        if (error == null || error.isBlank()) {
            throw new StreamsException("failed entry " + source + "/" + entryId + ": error must not be blank");
        }
        if (failedAt == null) {
            throw new StreamsException("failed entry " + source + "/" + entryId + ": failedAt must not be null");
        }
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Describes a failure as its exception class and message, the form stored in {@code dlq_error}. */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        String message = failure.getMessage();
        return message == null ? failure.getClass().getName() : failure.getClass().getName() + ": " + message;
    }
}
