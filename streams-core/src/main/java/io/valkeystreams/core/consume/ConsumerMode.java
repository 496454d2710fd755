package io.valkeystreams.core.consume;

/** How the containers of one group share a stream's partitions. All instances of a group must use the same mode. */
public enum ConsumerMode {

    /**
     * Competing consumers on every partition: every container of the group reads every partition key, and
     * Valkey hands each entry to one of them. Highest throughput; per-key order holds only for first
     * deliveries within one container (a retried entry comes back after later ones).
     */
    UNORDERED,

    /**
     * One container at a time per partition, through leases in Valkey with fencing tokens: partitions are
     * shared out fairly among the group's live containers and move when containers join, leave or die (within
     * the lease time). A failing entry is retried in place — its partition waits, the others flow — and
     * dead-lettered after its last try, so per-key order holds end to end.
     */
    ORDERED
}
