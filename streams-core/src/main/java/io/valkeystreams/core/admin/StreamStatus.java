package io.valkeystreams.core.admin;

import java.util.List;

/**
 * A snapshot of one stream: each partition key with its length and groups, and its dead letters.
 *
 * @param stream      base name
 * @param partitions  one entry per partition key
 * @param deadLetters length of the dead-letter stream
 */
public record StreamStatus(String stream, List<PartitionStatus> partitions, long deadLetters) {

    /** Copies the list. */
    public StreamStatus {
        partitions = List.copyOf(partitions);
    }

    /**
     * One partition key.
     *
     * @param key       the Valkey key
     * @param partition partition number
     * @param exists    whether the key exists
     * @param length    number of entries
     * @param groups    its consumer groups
     */
    public record PartitionStatus(String key, int partition, boolean exists, long length, List<GroupStatus> groups) {

        /** Copies the list. */
        public PartitionStatus {
            groups = List.copyOf(groups);
        }
    }

    /**
     * One consumer group on one key.
     *
     * @param group           group name
     * @param consumers       number of consumers
     * @param pending         entries delivered but not acknowledged
     * @param lagEntries      entries not yet delivered to the group, or -1 when the server cannot tell
     * @param lagSeconds      age in seconds of the oldest entry not yet delivered (0 when none)
     * @param lastDeliveredId ID of the last entry delivered to the group
     * @param trimmedUnread   entries removed (by length trimming) before the group read them: lost to it
     */
    public record GroupStatus(String group, long consumers, long pending, long lagEntries, double lagSeconds,
                              String lastDeliveredId, long trimmedUnread) {
    }
}
