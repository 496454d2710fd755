package io.valkeystreams.core.lease;

import io.valkeystreams.core.StreamsException;

/**
 * A command guarded by a lease was refused because the lease no longer holds: it expired, or another
 * consumer acquired it since (with a higher fencing token). Nothing of the command was done.
 */
public class LeaseLostException extends StreamsException {

    private static final long serialVersionUID = 1L;

    private final transient PartitionLease lease;

    /** Creates the exception for the lease that was lost. */
    public LeaseLostException(PartitionLease lease, String action) {
        super(action + " refused: the " + lease + " is no longer held (it expired or was taken over)");
        this.lease = lease;
    }

    /** The lease that was lost. */
    public PartitionLease lease() {
        return lease;
    }
}
