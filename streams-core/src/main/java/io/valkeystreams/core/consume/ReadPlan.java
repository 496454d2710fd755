package io.valkeystreams.core.consume;

import io.lettuce.core.cluster.SlotHash;
import io.valkeystreams.core.catalog.StreamKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which partition keys go into one {@code XREADGROUP}. Each group of keys gets its own reader thread
 * and dedicated connection. A standalone server reads every key in one call; on a cluster a call may
 * only name keys of one hash slot (else CROSSSLOT), so there each slot is read separately.
 */
@FunctionalInterface
interface ReadPlan {

    /** Every key in one read (standalone and sentinel). */
    ReadPlan ALL_KEYS_AT_ONCE = keys -> List.of(List.copyOf(keys));

    /** One read per hash slot (cluster). */
    ReadPlan ONE_READ_PER_SLOT = keys -> {
        Map<Integer, List<StreamKey>> bySlot = new LinkedHashMap<>();
        for (StreamKey key : keys) {
            bySlot.computeIfAbsent(SlotHash.getSlot(key.key()), slot -> new ArrayList<>()).add(key);
        }
        List<List<StreamKey>> reads = new ArrayList<>();
        bySlot.values().forEach(slotKeys -> reads.add(List.copyOf(slotKeys)));
        return List.copyOf(reads);
    };

    /** Splits the keys into the groups read together, each non-empty, together holding every key once. */
    List<List<StreamKey>> reads(List<StreamKey> keys);

    /** The plan for a deployment. */
    static ReadPlan forDeployment(boolean cluster) {
        return cluster ? ONE_READ_PER_SLOT : ALL_KEYS_AT_ONCE;
    }
}
