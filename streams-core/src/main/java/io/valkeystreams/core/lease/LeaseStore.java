package io.valkeystreams.core.lease;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Partition leases and group memberships kept in Valkey (keys in {@link LeaseKeys}). Every operation is
 * one atomic script on one key, timed by the server's clock, so instances with skewed clocks agree and
 * it works on a cluster. Thread-safe.
 */
public interface LeaseStore {

    /** A store on a connection (standalone, sentinel or cluster). */
    static LeaseStore on(StreamsConnection connection) {
        if (connection == null) {
            throw new StreamsException("lease store: connection must not be null");
        }
        return new ValkeyLeaseStore(connection);
    }

    /**
     * Acquires the lease of a partition key for a group unless another owner holds it unexpired. Every
     * acquisition, also by the previous owner, gets a new, larger fencing token.
     *
     * @return the lease, or empty when another owner holds it
     * @throws StreamsException when Valkey cannot be reached
     */
    Optional<PartitionLease> tryAcquire(StreamKey key, String group, String owner, Duration leaseTime);

    /**
     * Extends a lease by {@code leaseTime} from now, if it still holds (same owner and token, not expired).
     *
     * @return whether it was extended; false means it is lost
     * @throws StreamsException when Valkey cannot be reached
     */
    boolean renew(PartitionLease lease, Duration leaseTime);

    /**
     * Gives a lease up at once, if it still holds, so another owner can take it without waiting for it to expire.
     *
     * @return whether it was held and is now released
     * @throws StreamsException when Valkey cannot be reached
     */
    boolean release(PartitionLease lease);

    /**
     * The unexpired lease of a partition key for a group, if anyone holds one.
     *
     * @throws StreamsException when Valkey cannot be reached
     */
    Optional<PartitionLease> holder(StreamKey key, String group);

    /**
     * Records that {@code member} is alive for {@code ttl} more, removes members whose time ran out, and
     * returns the live members in name order.
     *
     * @throws StreamsException when Valkey cannot be reached
     */
    List<String> heartbeat(String stream, String group, String member, Duration ttl);

    /**
     * Removes a member at once (on a graceful stop).
     *
     * @throws StreamsException when Valkey cannot be reached
     */
    void leave(String stream, String group, String member);
}
