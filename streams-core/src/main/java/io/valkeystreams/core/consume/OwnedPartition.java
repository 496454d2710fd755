package io.valkeystreams.core.consume;

import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.lease.PartitionLease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A partition this container holds the lease of (ordered mode), with the local deadline after which it
 * must stop using it: the send time of its last successful acquisition or renewal plus the lease's local
 * validity, on the monotonic clock, so it ends before the server lets the lease expire.
 */
final class OwnedPartition {

    private final PartitionLease lease;
    private final List<String> unacknowledged = new ArrayList<>();
    private volatile long validUntilNanos;
    private volatile boolean lost;
    private volatile boolean releasing;
    private String historyAfter = "0";
    private String lastId = "0-0";

    OwnedPartition(PartitionLease lease, long sentNanos, Duration validity) {
        this.lease = lease;
        this.validUntilNanos = sentNanos + validity.toNanos();
    }

    PartitionLease lease() {
        return lease;
    }

    StreamKey key() {
        return lease.key();
    }

    long token() {
        return lease.token();
    }

    /** Whether it may still be used: not lost, and its local deadline not passed. */
    boolean isValid() {
        return !lost && System.nanoTime() - validUntilNanos < 0;
    }

    /** Whether new entries should be read: valid and not being given up. */
    boolean isReadable() {
        return isValid() && !releasing;
    }

    /** A renewal sent at {@code sentNanos} succeeded. */
    void extend(long sentNanos, Duration validity) {
        validUntilNanos = sentNanos + validity.toNanos();
    }

    /** The lease is gone; nothing more may be done under it. */
    void lose() {
        lost = true;
    }

    boolean isReleasing() {
        return releasing;
    }

    /** Stop reading it: it is to be given up once its entries are finished. */
    void release() {
        releasing = true;
    }

    /** Remembers handled entries whose acknowledgement failed (not by fencing), to try again. */
    synchronized void unacknowledged(List<String> ids) {
        unacknowledged.addAll(ids);
    }

    /** Takes the handled entries whose acknowledgement is still to be tried again. */
    synchronized List<String> takeUnacknowledged() {
        List<String> ids = List.copyOf(unacknowledged);
        unacknowledged.clear();
        return ids;
    }

    /** The reader's position in this consumer's own pending entries; null once they are all read (used by the reader only). */
    String historyAfter() {
        return historyAfter;
    }

    void historyAfter(String id) {
        historyAfter = id;
    }

    /** The last entry ID seen, from which to wait for new ones (used by the reader only). */
    String lastId() {
        return lastId;
    }

    void lastId(String id) {
        lastId = id;
    }
}
