package io.valkeystreams.core.wire;

import java.util.Set;

/** Names of the metadata and dead-letter fields of the wire format ({@code docs/wire-format.md}). */
public final class WireFields {

    /** UUID of the event, unique per event, stable across retries and replays. */
    public static final String EVENT_ID = "event_id";
    /** Type of the event; handlers are chosen by it. Always present. */
    public static final String EVENT_TYPE = "event_type";
    /** Publish time in epoch seconds (the seed's format); use the entry ID for millisecond time. */
    public static final String TIMESTAMP = "timestamp";
    /** Base stream name. */
    public static final String STREAM_NAME = "stream_name";
    /** Partition number. */
    public static final String PARTITION = "partition";
    /** Stream priority: {@code high}, {@code medium} or {@code low}. */
    public static final String PRIORITY = "priority";
    /** Optional W3C trace context. */
    public static final String TRACEPARENT = "traceparent";

    /** Consumer group that failed the entry. */
    public static final String DLQ_GROUP = "dlq_group";
    /** Key the entry was read from. */
    public static final String DLQ_SOURCE = "dlq_source";
    /** Entry ID at the source. */
    public static final String DLQ_SOURCE_ID = "dlq_source_id";
    /** Number of deliveries before it was dead-lettered. */
    public static final String DLQ_DELIVERIES = "dlq_deliveries";
    /** Why it failed: exception type and message, or the decoding problem. */
    public static final String DLQ_ERROR = "dlq_error";
    /** When it was dead-lettered, epoch milliseconds. */
    public static final String DLQ_FAILED_AT = "dlq_failed_at";

    /**
     * Set only on an entry replayed from the dead-letter stream: the one consumer group that should handle
     * it. Containers of every other group acknowledge such an entry without calling a handler.
     */
    public static final String REPLAY_GROUP = "replay_group";

    /** Metadata fields the publisher writes; an event's own fields may not use these names. */
    public static final Set<String> METADATA = Set.of(EVENT_ID, EVENT_TYPE, TIMESTAMP, STREAM_NAME, PARTITION,
            PRIORITY, TRACEPARENT);

    /** Fields added to a dead letter. */
    public static final Set<String> DEAD_LETTER = Set.of(DLQ_GROUP, DLQ_SOURCE, DLQ_SOURCE_ID, DLQ_DELIVERIES,
            DLQ_ERROR, DLQ_FAILED_AT);

    private WireFields() {
    }

    /** Whether a field name is reserved (metadata, dead-letter or {@link #REPLAY_GROUP}). */
    public static boolean isReserved(String field) {
        return METADATA.contains(field) || DEAD_LETTER.contains(field) || REPLAY_GROUP.equals(field);
    }
}
