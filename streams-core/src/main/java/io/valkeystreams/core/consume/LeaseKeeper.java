package io.valkeystreams.core.consume;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.lease.LeaseLostException;
import io.valkeystreams.core.lease.LeaseOptions;
import io.valkeystreams.core.lease.LeaseStore;
import io.valkeystreams.core.lease.PartitionLease;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of ordered mode's lease loop (thread {@code valkey-streams-lease-…}, every {@code renewInterval}):
 * <ol>
 *   <li>renews this container's membership of the group and reads the live members;</li>
 *   <li>works out its fair share of the partitions ({@link FairShare});</li>
 *   <li>renews the leases it keeps, and gives up — once their entries are finished — those no longer its share;
 *       a lease whose renewal is refused, or whose local deadline passed, is lost: its lane stops at once;</li>
 *   <li>acquires the free leases of its share, then claims every pending entry of those partitions (a previous
 *       holder's unfinished work), so the reader hands them out again in ID order before new ones.</li>
 * </ol>
 * A dead instance's memberships and leases run out after the lease time, and the others then take over its
 * partitions.
 */
final class LeaseKeeper implements Runnable {

    static final int PASSES_BETWEEN_REMOVALS = 20;

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

    private final LeaseStore store;
    private final FencedCommands fenced;
    private final GroupCommands commands;
    private final List<StreamKey> keys;
    private final String stream;
    private final ConsumerOptions options;
    private final LeaseOptions leases;
    private final Ownership ownership;
    private final InFlight inFlight;
    private final OrderedLanes lanes;
    private final ConsumerListener listener;
    private final OutageLog outage;
    private volatile boolean stopping;
    private long passes;
    private StreamsException failure;

    LeaseKeeper(LeaseStore store, FencedCommands fenced, GroupCommands commands, List<StreamKey> keys,
                ConsumerOptions options, Ownership ownership, InFlight inFlight, OrderedLanes lanes,
                ConsumerListener listener, Clock clock) {
        this.store = store;
        this.fenced = fenced;
        this.commands = commands;
        this.keys = List.copyOf(keys);
        this.stream = keys.get(0).stream();
        this.options = options;
        this.leases = options.leases();
        this.ownership = ownership;
        this.inFlight = inFlight;
        this.lanes = lanes;
        this.listener = listener;
        this.outage = new OutageLog(log, "keeping the leases of " + stream + " for group " + commands.group(), clock);
    }

    @Override
    public void run() {
        failure = null;
        try {
            Set<StreamKey> share = Set.of();
            if (!stopping) {
                share = share();
            }
            keep(share);
            if (share != null && !stopping) {
                acquire(share);
            }
            if (passes++ % PASSES_BETWEEN_REMOVALS == 0 && !stopping) {
                removeIdleConsumers();
            }
        } catch (StreamsException e) {
            failed(e);
        } catch (RuntimeException e) {
            log.error("lease pass for {} group {} failed unexpectedly; the next runs in {}", stream, commands.group(),
                    leases.renewInterval(), e);
        } finally {
            ownership.all().stream().filter(partition -> !partition.isValid()).forEach(this::lost);
            if (failure == null) {
                outage.succeeded();
            } else {
                outage.failed(failure, "every " + leases.renewInterval() + "; held leases end after "
                        + leases.localValidity() + " without renewal");
            }
        }
    }

    /** This container's fair share of the partitions, or null when the membership cannot be read (keep what is held). */
    private Set<StreamKey> share() {
        try {
            List<String> members = store.heartbeat(stream, commands.group(), commands.consumerName(), leases.leaseTime());
            return FairShare.of(keys, members, commands.consumerName(), stream + "/" + commands.group());
        } catch (StreamsException e) {
            failed(e);
            return null;
        }
    }

    /** Remembers the first failure of a pass; the pass goes on with the other partitions (on a cluster they may live elsewhere). */
    private void failed(StreamsException e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** From now on acquire nothing and give every partition up as soon as its entries are finished. */
    void stopAcquiring() {
        stopping = true;
    }

    /** On stop, after the drain: releases every lease still held and leaves the group's membership. */
    void releaseAll() {
        for (OwnedPartition partition : ownership.all()) {
            if (partition.isValid()) {
                release(partition);
            } else {
                lost(partition);
            }
        }
        try {
            store.leave(stream, commands.group(), commands.consumerName());
        } catch (StreamsException e) {
            log.debug("cannot leave the membership of {} group {}: {}", stream, commands.group(), e.getMessage());
        }
    }

    private void keep(Set<StreamKey> share) {
        for (OwnedPartition partition : ownership.all()) {
            if (!partition.isValid()) {
                lost(partition);
                continue;
            }
            if (share != null && !share.contains(partition.key())) {
                partition.release();
            }
            try {
                acknowledgeLeftovers(partition);
                if (partition.isReleasing() && inFlight.count(partition.key()) == 0) {
                    release(partition);
                    continue;
                }
                long sent = System.nanoTime();
                if (store.renew(partition.lease(), leases.leaseTime())) {
                    partition.extend(sent, leases.localValidity());
                } else {
                    lost(partition);
                }
            } catch (StreamsException e) {
                failed(e);
            }
        }
    }

    private void acquire(Set<StreamKey> share) {
        for (StreamKey key : share) {
            if (ownership.holds(key) || inFlight.count(key) > 0) {
                continue;
            }
            try {
                acquire(key);
            } catch (StreamsException e) {
                failed(e);
            }
        }
    }

    private void acquire(StreamKey key) {
        long sent = System.nanoTime();
        Optional<PartitionLease> acquired = store.tryAcquire(key, commands.group(), commands.consumerName(),
                leases.leaseTime());
        if (acquired.isEmpty()) {
            return;
        }
        PartitionLease lease = acquired.get();
        try {
            for (String id : fenced.claimAll(lease)) {
                log.info("{} {} was trimmed or deleted while pending for group {}; removed from the pending list",
                        key, id, commands.group());
                listener.trimmedWhilePending(key, commands.group(), id);
            }
        } catch (StreamsException e) {
            log.warn("acquired the {} but could not claim its pending entries ({}); trying again next pass",
                    lease, e.getMessage());
            releaseQuietly(lease);
            return;
        }
        ownership.add(new OwnedPartition(lease, sent, leases.localValidity()));
        log.info("acquired the {}", lease);
        listener.leaseAcquired(key, commands.group(), lease.token());
        inFlight.wake();
    }

    private void acknowledgeLeftovers(OwnedPartition partition) {
        List<String> ids = partition.takeUnacknowledged();
        if (ids.isEmpty()) {
            return;
        }
        try {
            fenced.ack(partition.lease(), ids);
        } catch (LeaseLostException e) {
            listener.acknowledgementRefused(partition.key(), commands.group(), partition.token(), ids);
            partition.lose();
        } catch (StreamsException e) {
            partition.unacknowledged(ids);
            throw e;
        }
    }

    private void release(OwnedPartition partition) {
        ownership.remove(partition);
        releaseQuietly(partition.lease());
        log.info("released the {}", partition.lease());
        listener.leaseReleased(partition.key(), commands.group(), partition.token());
    }

    private void releaseQuietly(PartitionLease lease) {
        try {
            store.release(lease);
        } catch (StreamsException e) {
            log.debug("cannot release the {} ({}); it expires by itself", lease, e.getMessage());
        }
    }

    private void lost(OwnedPartition partition) {
        if (!ownership.holds(partition.key()) || ownership.get(partition.key()) != partition) {
            return;
        }
        partition.lose();
        ownership.remove(partition);
        lanes.discard(partition.key());
        log.warn("lost the {}: not renewed in time, or taken over; its unfinished entries stay pending for the new "
                + "holder", partition.lease());
        listener.leaseLost(partition.key(), commands.group(), partition.token());
    }

    private void removeIdleConsumers() {
        for (OwnedPartition partition : ownership.all()) {
            for (String consumer : commands.removeIdleConsumers(partition.key(), options.idleConsumerRemoval())) {
                log.info("removed consumer {} of group {} from {}: idle for more than {} with no pending entries",
                        consumer, commands.group(), partition.key(), options.idleConsumerRemoval());
                listener.consumerRemoved(partition.key(), commands.group(), consumer);
            }
        }
    }
}
