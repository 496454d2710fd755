package io.valkeystreams.core.publish;

import io.valkeystreams.core.catalog.StreamKey;

/**
 * Where an event was written.
 *
 * @param key     stream, partition and Valkey key
 * @param entryId the entry ID Valkey assigned (its first part is the server time in milliseconds)
 * @param eventId the event's {@code event_id}
 */
public record PublishResult(StreamKey key, String entryId, String eventId) {

    /** The partition number. */
    public int partition() {
        return key.partition();
    }
}
