package io.valkeystreams.core.metrics;

import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.catalog.StreamCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the status of every stream of a catalog on a schedule (one pipelined read for all keys)
 * and keeps the latest snapshot, so metrics scrapes and health checks never query Valkey per series.
 */
public final class LagMonitor implements AutoCloseable {

    /** Default collection interval. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(LagMonitor.class);

    private final StatusReader reader;
    private final StreamCatalog catalog;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), Map.of(), null, null);
    private volatile boolean failing;

    /**
     * A collected snapshot.
     *
     * @param streams     per stream status, as read
     * @param groups      per {@code key/group}, the group status
     * @param partitions  per key, the partition status
     * @param collectedAt when the snapshot was read (null before the first success)
     * @param lastError   the error of the latest attempt, or null when it succeeded
     */
    public record Snapshot(List<StreamStatus> streams, Map<String, StreamStatus.GroupStatus> groups,
                           Map<String, StreamStatus.PartitionStatus> partitions, Instant collectedAt,
                           String lastError) {

        /** The status of a group on a key, if collected. */
        public Optional<StreamStatus.GroupStatus> group(String key, String group) {
            return Optional.ofNullable(groups.get(key + "/" + group));
        }

        /** The status of a key, if collected. */
        public Optional<StreamStatus.PartitionStatus> partition(String key) {
            return Optional.ofNullable(partitions.get(key));
        }
    }

    /** Creates a monitor; call {@link #start(Duration)} to collect on a schedule, or {@link #collect()} directly. */
    public LagMonitor(StatusReader reader, StreamCatalog catalog, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "valkey-streams-lag-monitor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Collects now and then every {@code interval}. */
    public LagMonitor start(Duration interval) {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("lag collection interval must be positive, was " + interval);
        }
        executor.scheduleWithFixedDelay(this::collectQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The latest snapshot (empty before the first collection). */
    public Snapshot snapshot() {
        return snapshot;
    }

    /**
     * Reads every stream now and replaces the snapshot.
     *
     * @throws io.valkeystreams.core.StreamsException when Valkey cannot be read (the old snapshot stays, marked failed)
     */
    public Snapshot collect() {
        try {
            List<StreamStatus> streams = reader.read(catalog);
            Map<String, StreamStatus.GroupStatus> groups = new HashMap<>();
            Map<String, StreamStatus.PartitionStatus> partitions = new HashMap<>();
            for (StreamStatus stream : streams) {
                for (StreamStatus.PartitionStatus partition : stream.partitions()) {
                    partitions.put(partition.key(), partition);
                    partition.groups().forEach(group -> groups.put(partition.key() + "/" + group.group(), group));
                }
            }
            snapshot = new Snapshot(streams, Map.copyOf(groups), Map.copyOf(partitions), clock.instant(), null);
            if (failing) {
                log.info("stream status collection works again");
                failing = false;
            }
            return snapshot;
        } catch (RuntimeException e) {
            Snapshot old = snapshot;
            snapshot = new Snapshot(old.streams(), old.groups(), old.partitions(), old.collectedAt(), e.getMessage());
            throw e;
        }
    }

    private void collectQuietly() {
        try {
            collect();
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("stream status collection failed; keeping the last snapshot: {}", e.getMessage());
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
