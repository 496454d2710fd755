package io.valkeystreams.core.consume;

import io.valkeystreams.core.catalog.StreamKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The partitions this container holds leases on (ordered mode): written by the lease keeper, read by readers and lanes. */
final class Ownership {

    private final Map<StreamKey, OwnedPartition> owned = new ConcurrentHashMap<>();

    OwnedPartition get(StreamKey key) {
        return owned.get(key);
    }

    /** The partition, if it is held under {@code token} and still valid; else null. */
    OwnedPartition valid(StreamKey key, long token) {
        OwnedPartition partition = owned.get(key);
        return partition != null && partition.token() == token && partition.isValid() ? partition : null;
    }

    void add(OwnedPartition partition) {
        owned.put(partition.key(), partition);
    }

    void remove(OwnedPartition partition) {
        owned.remove(partition.key(), partition);
    }

    boolean holds(StreamKey key) {
        return owned.containsKey(key);
    }

    List<OwnedPartition> all() {
        return List.copyOf(owned.values());
    }
}
