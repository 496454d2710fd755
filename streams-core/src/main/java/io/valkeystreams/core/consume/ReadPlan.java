package io.valkeystreams.core.consume;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which partition keys one reader (thread and dedicated connection) serves. A standalone server reads every
 * key with one reader. On a cluster each key has its own hash slot, so no command may name two of them;
 * there the keys are grouped by the master that serves them when the container starts, and each master's
 * keys get one reader, which polls them one command per key over its one connection (see
 * {@link PollingRead}). Commands still go by the cluster's slot map, so after a failover or a resharding a
 * reader keeps working, only its keys may then live on more than one master.
 */
@FunctionalInterface
interface ReadPlan {

    /** Every key with one reader (standalone and sentinel). */
    ReadPlan ALL_KEYS_AT_ONCE = keys -> List.of(List.copyOf(keys));

    /** Splits the keys into the groups read together, each non-empty, together holding every key once. */
    List<List<StreamKey>> reads(List<StreamKey> keys);

    /** One reader per node, as {@code nodeOfKey} names the node serving a key. */
    static ReadPlan byNode(Function<String, String> nodeOfKey) {
        return keys -> {
            Map<String, List<StreamKey>> byNode = new LinkedHashMap<>();
            for (StreamKey key : keys) {
                byNode.computeIfAbsent(nodeOfKey.apply(key.key()), node -> new ArrayList<>()).add(key);
            }
            List<List<StreamKey>> reads = new ArrayList<>();
            byNode.values().forEach(nodeKeys -> reads.add(List.copyOf(nodeKeys)));
            return List.copyOf(reads);
        };
    }

    /** The plan for a connection's deployment: by node from the cluster's current slot map, else all keys at once. */
    static ReadPlan forConnection(StreamsConnection connection) {
        if (connection.client() instanceof RedisClusterClient cluster) {
            return byNode(key -> {
                RedisClusterNode node = cluster.getPartitions().getPartitionBySlot(SlotHash.getSlot(key));
                return node == null ? "unassigned" : node.getNodeId();
            });
        }
        return ALL_KEYS_AT_ONCE;
    }
}
