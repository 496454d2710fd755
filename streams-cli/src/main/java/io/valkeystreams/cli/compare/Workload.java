package io.valkeystreams.cli.compare;

import io.lettuce.core.XAddArgs;
import io.valkeystreams.core.catalog.Priority;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.publish.Partitioner;
import io.valkeystreams.core.wire.WireFields;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What every path of the comparison writes and reads: the same event, the same field map, the same
 * 8-partition stream and the same {@code MAXLEN ~} trimming.
 */
final class Workload {

    /** Stream of the publish and end-to-end scenarios. */
    public static final String PUBLISH_STREAM = "compare.publish";
    /** Stream of the drain and backlog scenarios. */
    public static final String DRAIN_STREAM = "compare.drain";
    /** Partitions of both streams. */
    public static final int PARTITIONS = 8;
    /** Total length limit of both streams (125,000 per partition, like {@code reputation.events}). */
    public static final long MAX_LENGTH = 1_000_000;
    /** Consumer group every consumer of the comparison uses (recreated per trial). */
    public static final String GROUP = "compare";
    /** Distinct users (partition keys). */
    static final int USERS = 10_000;

    private static final String EVENT_TYPE = "exchange_completed";
    private static final StreamCatalog CATALOG = StreamCatalog.emptyBuilder()
            .register(definition(PUBLISH_STREAM)).register(definition(DRAIN_STREAM)).build();

    private Workload() {
    }

    private static StreamDefinition definition(String name) {
        return StreamDefinition.builder(name).partitions(PARTITIONS).retention(Duration.ofDays(1))
                .maxLength(MAX_LENGTH).groups(GROUP).priority(Priority.MEDIUM).build();
    }

    /** The catalog of the comparison's own streams (medium priority: no priority notification on any path). */
    public static StreamCatalog catalog() {
        return CATALOG;
    }

    /** The definition of a stream of the comparison. */
    public static StreamDefinition stream(String name) {
        return CATALOG.require(name);
    }

    /** Event number {@code i}, intended to be sent at {@code sentAt} (nanoTime). */
    public static CompareEvent event(long i, long sentAt) {
        return new CompareEvent(user(i), EVENT_TYPE, (i % 11) - 5, "group-" + (i % 97),
                "exchange-" + (1_000_000_000L + i), "exchange completed on time", "normal", sentAt);
    }

    /** The partition key of event {@code i}. */
    public static String user(long i) {
        return "user-" + (i % USERS);
    }

    /** The key of the partition the event belongs to: {@code crc32(user_id) mod 8}, as our publisher chooses. */
    public static String key(String stream, CompareEvent event) {
        return stream + ":" + Partitioner.partitionOf(event.userId(), PARTITIONS);
    }

    /** {@code MAXLEN ~ 125000}, the trimming every path applies. */
    public static XAddArgs trimming() {
        return new XAddArgs().maxlen(MAX_LENGTH / PARTITIONS).approximateTrimming();
    }

    /**
     * The field map our publisher writes for the event, built by hand the way a producer written directly
     * on a client would: the event's fields in snake_case, then the metadata, with a fresh random UUID.
     */
    public static Map<String, String> fields(String stream, CompareEvent event) {
        Map<String, String> fields = new LinkedHashMap<>(24);
        fields.put("user_id", event.userId());
        fields.put("impact_score", Double.toString(event.impactScore()));
        fields.put("group_id", event.groupId());
        fields.put("exchange_id", event.exchangeId());
        fields.put("description", event.description());
        fields.put("processing_priority", event.processingPriority());
        fields.put("sent_at", Long.toString(event.sentAt()));
        fields.put(WireFields.EVENT_ID, UUID.randomUUID().toString());
        fields.put(WireFields.EVENT_TYPE, event.eventType());
        fields.put(WireFields.TIMESTAMP, Long.toString(System.currentTimeMillis() / 1000));
        fields.put(WireFields.STREAM_NAME, stream);
        fields.put(WireFields.PARTITION, Integer.toString(Partitioner.partitionOf(event.userId(), PARTITIONS)));
        fields.put(WireFields.PRIORITY, Priority.MEDIUM.wireName());
        return fields;
    }

    /** The intended send time of an entry's fields, or -1 when it has none. */
    public static long sentAt(Map<String, String> fields) {
        String value = fields.get("sent_at");
        return value == null ? -1 : Long.parseLong(value);
    }
}
