package io.valkeystreams.core.publish;

import io.valkeystreams.core.catalog.StreamDefinition;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * Chooses a partition: {@code crc32(utf8(key)) mod partitions} (CRC-32/IEEE, unsigned) for a key,
 * round-robin per stream for a null key. A blank key is refused: it is almost always a bug.
 */
public final class Partitioner {

    private final Map<String, AtomicInteger> roundRobin = new ConcurrentHashMap<>();

    /**
     * The partition of an event in a stream.
     *
     * @param partitionKey the key whose events must stay in order (a user ID …), or null to spread evenly
     * @throws InvalidEventException when the key is blank
     */
    public int partition(StreamDefinition stream, String partitionKey) {
        if (partitionKey == null) {
            if (stream.partitions() == 1) {
                return 0;
            }
            AtomicInteger counter = roundRobin.computeIfAbsent(stream.name(), name -> new AtomicInteger());
            return Math.floorMod(counter.getAndIncrement(), stream.partitions());
        }
        if (partitionKey.isBlank()) {
            throw new InvalidEventException("partition key for stream '" + stream.name()
                    + "' is blank; pass a non-blank key (user ID, group ID …) or null to spread events evenly");
        }
        return partitionOf(partitionKey, stream.partitions());
    }

    /** The partition of a non-null key among {@code partitions}: the contract of the wire format. */
    public static int partitionOf(String partitionKey, int partitions) {
        CRC32 crc = new CRC32();
        crc.update(partitionKey.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % partitions);
    }
}
