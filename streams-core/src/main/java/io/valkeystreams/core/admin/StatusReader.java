package io.valkeystreams.core.admin;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.LettuceErrors;
import io.valkeystreams.core.connection.StreamsConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the state of every stream of a catalog: per partition key its length and, per group,
 * consumers, pending entries, lag in entries ({@code XINFO GROUPS}) and lag in seconds (the age
 * of the first entry after the group's last delivered ID).
 */
public final class StatusReader {

    private final StreamsConnection connection;
    private final Clock clock;

    /** Creates a reader using the system clock. */
    public StatusReader(StreamsConnection connection) {
        this(connection, Clock.systemUTC());
    }

    /** Creates a reader with an explicit clock (for tests). */
    public StatusReader(StreamsConnection connection, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Reads every stream of the catalog. */
    public List<StreamStatus> read(StreamCatalog catalog) {
        List<StreamStatus> result = new ArrayList<>();
        for (StreamDefinition definition : catalog.streams()) {
            result.add(read(definition));
        }
        return result;
    }

    /** Reads one stream. */
    public StreamStatus read(StreamDefinition definition) {
        RedisClusterCommands<String, String> commands = connection.sync();
        List<StreamStatus.PartitionStatus> partitions = new ArrayList<>();
        try {
            for (StreamKey key : definition.keys()) {
                partitions.add(readPartition(commands, key));
            }
            Long deadLetters = commands.xlen(definition.deadLetterKey());
            return new StreamStatus(definition.name(), partitions, deadLetters == null ? 0 : deadLetters);
        } catch (RuntimeException e) {
            throw LettuceErrors.translate("reading the status of stream " + definition.name(), e);
        }
    }

    private StreamStatus.PartitionStatus readPartition(RedisClusterCommands<String, String> commands, StreamKey key) {
        String type = commands.type(key.key());
        if ("none".equals(type)) {
            return new StreamStatus.PartitionStatus(key.key(), key.partition(), false, 0, List.of());
        }
        if (!"stream".equals(type)) {
            throw new WrongKeyTypeException(key.key(), type);
        }
        long length = commands.xlen(key.key());
        List<StreamStatus.GroupStatus> groups = new ArrayList<>();
        for (Object raw : commands.xinfoGroups(key.key())) {
            Map<String, Object> info = pairs(raw);
            String lastDelivered = String.valueOf(info.get("last-delivered-id"));
            long lagEntries = info.get("lag") instanceof Long lag ? lag : -1;
            double lagSeconds = lagEntries == 0 ? 0 : oldestUndeliveredAgeSeconds(commands, key.key(), lastDelivered);
            groups.add(new StreamStatus.GroupStatus(String.valueOf(info.get("name")),
                    asLong(info.get("consumers")), asLong(info.get("pending")), lagEntries, lagSeconds, lastDelivered));
        }
        return new StreamStatus.PartitionStatus(key.key(), key.partition(), true, length, groups);
    }

    private double oldestUndeliveredAgeSeconds(RedisClusterCommands<String, String> commands, String key,
                                               String lastDeliveredId) {
        List<StreamMessage<String, String>> next = commands.xrange(key,
                Range.from(Range.Boundary.excluding(lastDeliveredId), Range.Boundary.unbounded()), Limit.from(1));
        if (next.isEmpty()) {
            return 0;
        }
        long millis = Long.parseLong(next.get(0).getId().substring(0, next.get(0).getId().indexOf('-')));
        return Math.max(0, clock.millis() - millis) / 1000.0;
    }

    static Map<String, Object> pairs(Object raw) {
        Map<String, Object> map = new HashMap<>();
        if (raw instanceof List<?> list) {
            for (int i = 0; i + 1 < list.size(); i += 2) {
                map.put(String.valueOf(list.get(i)), list.get(i + 1));
            }
        }
        return map;
    }

    private static long asLong(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }
}
