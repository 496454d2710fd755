package io.valkeystreams.core.lease;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;

/**
 * A lease on one partition key for one consumer group, as acquired by {@code owner}.
 *
 * @param key   the partition key
 * @param group the consumer group
 * @param owner the consumer name holding it
 * @param token its fencing token: larger than the token of every earlier acquisition of this lease, so
 *              a write carrying it can be refused once a later holder has written
 */
public record PartitionLease(StreamKey key, String group, String owner, long token) {

    /** Validates the components. */
    public PartitionLease {
        if (key == null) {
            throw new StreamsException("partition lease: key must not be null");
        }
        if (group == null || group.isBlank()) {
            throw new StreamsException("partition lease of " + key + ": group must not be blank");
        }
        if (owner == null || owner.isBlank()) {
            throw new StreamsException("partition lease of " + key + ": owner must not be blank");
        }
        if (token < 1) {
            throw new StreamsException("partition lease of " + key + ": token must be at least 1, was " + token);
        }
    }

    /** The key that holds this lease. */
    public String leaseKey() {
        return LeaseKeys.lease(key, group);
    }

    @Override
    public String toString() {
        return "lease of " + key + " for group " + group + " held by " + owner + " (token " + token + ")";
    }
}
