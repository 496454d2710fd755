package io.valkeystreams.core.consume;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.lease.FencedScript;
import io.valkeystreams.core.lease.LeaseLostException;
import io.valkeystreams.core.lease.PartitionLease;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The group commands of ordered mode, each run in a {@link FencedScript}: it happens only while this
 * container's lease on the partition holds, so an instance that lost its lease cannot read, claim or
 * acknowledge entries of that partition any more. A refused command fails with {@link LeaseLostException}.
 */
final class FencedCommands {

    /** Reads new entries; when there are none, returns the stream's last ID, from which to wait for the next. */
    static final FencedScript READ_NEW = FencedScript.of("""
            local reply = redis.call('XREADGROUP', 'GROUP', args[1], args[2], 'COUNT', args[3], 'STREAMS', KEYS[1], '>')
            if reply and reply[1] then
              return {'', reply[1][2]}
            end
            local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
            if last[1] then
              return {last[1][1], {}}
            end
            return {'0-0', {}}
            """);

    /** Reads this consumer's own pending entries after an ID, each with its delivery count (this delivery included). */
    static final FencedScript READ_OWN = FencedScript.of("""
            local reply = redis.call('XREADGROUP', 'GROUP', args[1], args[2], 'COUNT', args[3], 'STREAMS', KEYS[1], args[4])
            local out = {}
            if reply and reply[1] then
              for i, entry in ipairs(reply[1][2]) do
                local pending = redis.call('XPENDING', KEYS[1], args[1], entry[1], entry[1], 1, args[2])
                local count = 1
                if pending[1] then count = pending[1][4] end
                out[i] = {entry[1], entry[2] or false, count}
              end
            end
            return out
            """);

    /** Acknowledges entries. */
    static final FencedScript ACK = FencedScript.of("""
            return {redis.call('XACK', KEYS[1], args[1], unpack(args, 2))}
            """);

    /** Moves one page of the group's pending entries (of any consumer) to this one, keeping their delivery counts. */
    static final FencedScript CLAIM = FencedScript.of("""
            return redis.call('XAUTOCLAIM', KEYS[1], args[1], args[2], 0, args[3], 'COUNT', args[4], 'JUSTID')
            """);

    static final int CLAIM_PAGE = 500;
    static final String START = "0-0";

    /** What a read of new entries returned. */
    record NewEntries(List<Work> work, String lastId) {
    }

    private final StreamsConnection connection;
    private final String group;
    private final String consumer;

    FencedCommands(StreamsConnection connection, String group, String consumer) {
        this.connection = connection;
        this.group = group;
        this.consumer = consumer;
    }

    /** Reads up to {@code count} new entries of the lease's partition. */
    CompletionStage<NewEntries> readNew(RedisClusterAsyncCommands<String, String> commands, PartitionLease lease,
                                        int count) {
        return READ_NEW.runAsync(commands, lease, group, consumer, Integer.toString(count)).thenApply(reply -> {
            String lastId = String.valueOf(reply.get(0));
            List<Work> work = new ArrayList<>();
            for (Object raw : (List<?>) reply.get(1)) {
                List<?> entry = (List<?>) raw;
                String id = String.valueOf(entry.get(0));
                work.add(new Work(lease.key(), id, fields(entry.get(1)), 1, lease.token()));
                lastId = id;
            }
            return new NewEntries(work, lastId);
        });
    }

    /** Reads up to {@code count} of this consumer's pending entries of the lease's partition after {@code afterId}. */
    CompletionStage<List<Work>> readOwn(RedisClusterAsyncCommands<String, String> commands, PartitionLease lease,
                                        int count, String afterId) {
        return READ_OWN.runAsync(commands, lease, group, consumer, Integer.toString(count), afterId).thenApply(reply -> {
            List<Work> work = new ArrayList<>();
            for (Object raw : reply) {
                List<?> entry = (List<?>) raw;
                work.add(new Work(lease.key(), String.valueOf(entry.get(0)), fields(entry.get(1)),
                        ((Number) entry.get(2)).longValue(), lease.token()));
            }
            return work;
        });
    }

    /** Acknowledges entries of the lease's partition; returns how many were pending. */
    long ack(PartitionLease lease, List<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        String[] args = new String[ids.size() + 1];
        args[0] = group;
        for (int i = 0; i < ids.size(); i++) {
            args[i + 1] = ids.get(i);
        }
        return ((Number) ACK.run(connection.sync(), lease, args).get(0)).longValue();
    }

    /**
     * Moves every pending entry of the lease's partition, whoever's it was, to this consumer (delivery counts
     * unchanged), so it can read them back in ID order before new ones.
     *
     * @return the IDs of pending entries that no longer existed (trimmed or deleted); Valkey dropped them
     */
    List<String> claimAll(PartitionLease lease) {
        List<String> deleted = new ArrayList<>();
        String cursor = START;
        do {
            List<Object> reply = CLAIM.run(connection.sync(), lease, group, consumer, cursor, Integer.toString(CLAIM_PAGE));
            cursor = String.valueOf(reply.get(0));
            if (reply.size() > 2 && reply.get(2) instanceof List<?> gone) {
                gone.forEach(id -> deleted.add(String.valueOf(id)));
            }
        } while (!START.equals(cursor));
        return deleted;
    }

    private static Map<String, String> fields(Object raw) {
        if (!(raw instanceof List<?> flat) || flat.isEmpty()) {
            return Map.of();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return fields;
    }
}
