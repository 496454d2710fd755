package io.valkeystreams.core.admin;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.LettuceErrors;
import io.valkeystreams.core.connection.StreamsConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Reads the state of streams in few round trips: one pipelined round of {@code TYPE},
 * {@code XINFO STREAM}, {@code XINFO GROUPS} and {@code XLEN} for every key, then one round of
 * {@code XRANGE … COUNT 1} for the groups that lag (to date their oldest undelivered entry).
 * Per partition key: length; per group: consumers, pending, lag in entries and seconds, and the
 * number of entries trimmed away before the group read them.
 */
public final class StatusReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

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
        return read(List.copyOf(catalog.streams()));
    }

    /** Reads one stream. */
    public StreamStatus read(StreamDefinition definition) {
        return read(List.of(definition)).get(0);
    }

    /**
     * Reads the given streams.
     *
     * @throws WrongKeyTypeException when a partition key holds another type
     * @throws io.valkeystreams.core.StreamsException when Valkey cannot be reached
     */
    public List<StreamStatus> read(List<StreamDefinition> definitions) {
        RedisClusterAsyncCommands<String, String> async = connection.async();
        try {
            Map<String, KeyReplies> replies = new HashMap<>();
            Map<String, RedisFuture<Long>> deadLetters = new HashMap<>();
            for (StreamDefinition definition : definitions) {
                for (StreamKey key : definition.keys()) {
                    replies.put(key.key(), new KeyReplies(async.type(key.key()), async.xlen(key.key())));
                }
                deadLetters.put(definition.name(), async.xlen(definition.deadLetterKey()));
            }
            for (Map.Entry<String, KeyReplies> entry : replies.entrySet()) {
                if ("stream".equals(await(entry.getValue().type, "TYPE " + entry.getKey()))) {
                    entry.getValue().stream = async.xinfoStream(entry.getKey());
                    entry.getValue().groups = async.xinfoGroups(entry.getKey());
                }
            }
            List<PartialStream> partial = new ArrayList<>();
            List<PendingAge> ages = new ArrayList<>();
            for (StreamDefinition definition : definitions) {
                List<PartialPartition> partitions = new ArrayList<>();
                for (StreamKey key : definition.keys()) {
                    partitions.add(partition(async, key, replies.get(key.key()), ages));
                }
                partial.add(new PartialStream(definition.name(), partitions,
                        orZero(await(deadLetters.get(definition.name()), "XLEN " + definition.deadLetterKey()))));
            }
            long now = clock.millis();
            for (PendingAge age : ages) {
                List<StreamMessage<String, String>> next = await(age.next(), "XRANGE " + age.key());
                age.group().lagSeconds = next.isEmpty() ? 0 : Math.max(0, now - millisOf(next.get(0).getId())) / 1000.0;
            }
            return partial.stream().map(PartialStream::complete).toList();
        } catch (RuntimeException e) {
            throw LettuceErrors.translate("reading stream status", e);
        }
    }

    private PartialPartition partition(RedisClusterAsyncCommands<String, String> async, StreamKey key,
                                       KeyReplies replies, List<PendingAge> ages) {
        String type = await(replies.type, "TYPE " + key.key());
        if ("none".equals(type)) {
            return new PartialPartition(key, false, 0, List.of());
        }
        if (!"stream".equals(type)) {
            throw new WrongKeyTypeException(key.key(), type);
        }
        long length = orZero(await(replies.length, "XLEN " + key.key()));
        Map<String, Object> stream = pairs(await(replies.stream, "XINFO STREAM " + key.key()));
        String firstId = firstEntryId(stream.get("first-entry"));
        long added = asLong(stream.get("entries-added"));
        List<PartialGroup> groups = new ArrayList<>();
        for (Object raw : await(replies.groups, "XINFO GROUPS " + key.key())) {
            Map<String, Object> info = pairs(raw);
            String lastDelivered = String.valueOf(info.get("last-delivered-id"));
            long lag = info.get("lag") instanceof Long value ? value : -1;
            long trimmedUnread = 0;
            Object entriesRead = info.get("entries-read");
            Long read = entriesRead instanceof Long value ? value : "0-0".equals(lastDelivered) ? Long.valueOf(0) : null;
            if (firstId != null && read != null && compareIds(lastDelivered, firstId) < 0) {
                trimmedUnread = Math.max(0, added - read - length);
            }
            PartialGroup group = new PartialGroup(String.valueOf(info.get("name")), asLong(info.get("consumers")),
                    asLong(info.get("pending")), lag, lastDelivered, trimmedUnread);
            if (lag != 0 && length > 0) {
                RedisFuture<List<StreamMessage<String, String>>> next = async.xrange(key.key(),
                        Range.from(Range.Boundary.excluding(lastDelivered), Range.Boundary.unbounded()), Limit.from(1));
                ages.add(new PendingAge(key.key(), group, next));
            }
            groups.add(group);
        }
        return new PartialPartition(key, true, length, groups);
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

    /** Orders two entry IDs ({@code <ms>-<seq>}). */
    static int compareIds(String left, String right) {
        int leftDash = left.indexOf('-');
        int rightDash = right.indexOf('-');
        int byTime = Long.compareUnsigned(Long.parseUnsignedLong(left.substring(0, leftDash)),
                Long.parseUnsignedLong(right.substring(0, rightDash)));
        return byTime != 0 ? byTime : Long.compareUnsigned(Long.parseUnsignedLong(left.substring(leftDash + 1)),
                Long.parseUnsignedLong(right.substring(rightDash + 1)));
    }

    static long millisOf(String entryId) {
        return Long.parseLong(entryId.substring(0, entryId.indexOf('-')));
    }

    private static String firstEntryId(Object firstEntry) {
        return firstEntry instanceof List<?> entry && !entry.isEmpty() ? String.valueOf(entry.get(0)) : null;
    }

    /** Waits for one reply; a failure names the command and key ({@code action}). */
    private static <T> T await(RedisFuture<T> future, String action) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LettuceErrors.translate("reading stream status (" + action + ")", e);
        } catch (Exception e) {
            throw LettuceErrors.translate("reading stream status (" + action + ")", e);
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static long asLong(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static final class KeyReplies {
        final RedisFuture<String> type;
        final RedisFuture<Long> length;
        RedisFuture<List<Object>> stream;
        RedisFuture<List<Object>> groups;

        KeyReplies(RedisFuture<String> type, RedisFuture<Long> length) {
            this.type = type;
            this.length = length;
        }
    }

    private static final class PartialGroup {
        final String name;
        final long consumers;
        final long pending;
        final long lag;
        final String lastDelivered;
        final long trimmedUnread;
        double lagSeconds;

        PartialGroup(String name, long consumers, long pending, long lag, String lastDelivered, long trimmedUnread) {
            this.name = name;
            this.consumers = consumers;
            this.pending = pending;
            this.lag = lag;
            this.lastDelivered = lastDelivered;
            this.trimmedUnread = trimmedUnread;
        }

        StreamStatus.GroupStatus complete() {
            return new StreamStatus.GroupStatus(name, consumers, pending, lag, lagSeconds, lastDelivered, trimmedUnread);
        }
    }

    private record PendingAge(String key, PartialGroup group, RedisFuture<List<StreamMessage<String, String>>> next) {
    }

    private record PartialPartition(StreamKey key, boolean exists, long length, List<PartialGroup> groups) {
        StreamStatus.PartitionStatus complete() {
            return new StreamStatus.PartitionStatus(key.key(), key.partition(), exists, length,
                    groups.stream().map(PartialGroup::complete).toList());
        }
    }

    private record PartialStream(String name, List<PartialPartition> partitions, long deadLetters) {
        StreamStatus complete() {
            return new StreamStatus(name, partitions.stream().map(PartialPartition::complete).toList(), deadLetters);
        }
    }
}
