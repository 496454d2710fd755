package io.valkeystreams.core.consume;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.lease.LeaseOptions;
import io.valkeystreams.core.retry.ExponentialBackOff;
import java.time.Duration;

/**
 * Immutable settings of a {@link ConsumerContainer}; build them with {@link #builder()}, which starts
 * from the {@code DEFAULT_*} values. Invalid values are refused with a {@link StreamsException} naming
 * the field and the value.
 *
 * @param batchSize            entries read per partition key per {@code XREADGROUP} (its {@code COUNT})
 * @param blockTimeout         how long one {@code XREADGROUP … BLOCK} waits for entries, at most {@link #MAX_BLOCK_TIMEOUT}
 * @param partitionConcurrency how many partitions are handled at the same time (threads)
 * @param maxDeliveries        deliveries before an entry that keeps failing is dead-lettered (1 = no retry)
 * @param backOff              how long a failed entry waits before its next delivery
 * @param unknownTypePolicy    what to do with an event type that has no handler
 * @param shutdownTimeout      how long {@link ConsumerContainer#stop()} lets read entries finish
 * @param takeoverAfter        how long an entry may stay pending with another consumer before this
 *                             container takes it over (that consumer is presumed dead); at least twice
 *                             {@code recoveryInterval}
 * @param recoveryInterval     delay between two passes of the retry and recovery loop
 * @param idleConsumerRemoval  consumers of the group idle this long with no pending entries are removed;
 *                             at least twice {@code blockTimeout}
 * @param maxReconnectDelay    upper bound of the back-off between attempts while Valkey cannot be reached
 * @param mode                 how the group's containers share the partitions: competing on every partition
 *                             ({@link ConsumerMode#UNORDERED}) or one at a time per partition under a lease
 *                             ({@link ConsumerMode#ORDERED})
 * @param leases               lease time and renewal interval of ordered mode
 * @param pollInterval         how long a reader that cannot wait on all its keys in one blocking command (on a
 *                             cluster, where one command may name keys of one hash slot only) waits on one of
 *                             them before it polls the others again: the most a new entry on those others
 *                             waits before it is read; at most {@code blockTimeout}
 * @param limits               largest entry and most fields accepted; larger entries are dead-lettered at once
 */
public record ConsumerOptions(int batchSize, Duration blockTimeout, int partitionConcurrency, int maxDeliveries,
                              ExponentialBackOff backOff, UnknownTypePolicy unknownTypePolicy,
                              Duration shutdownTimeout, Duration takeoverAfter, Duration recoveryInterval,
                              Duration idleConsumerRemoval, Duration maxReconnectDelay, ConsumerMode mode,
                              LeaseOptions leases, Duration pollInterval, EntryLimits limits) {

    /** Default {@code batchSize}. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** Largest {@code batchSize} accepted. */
    public static final int MAX_BATCH_SIZE = 10_000;
    /** Default {@code blockTimeout}. */
    public static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofSeconds(2);
    /** Largest {@code blockTimeout} accepted: it must stay below the client's command timeout. */
    public static final Duration MAX_BLOCK_TIMEOUT = Duration.ofSeconds(10);
    /** Default {@code partitionConcurrency}. */
    public static final int DEFAULT_PARTITION_CONCURRENCY = 8;
    /** Default {@code maxDeliveries}. */
    public static final int DEFAULT_MAX_DELIVERIES = 5;
    /** Default {@code backOff}: 1 s, doubling, at most 1 min, 20 % jitter. */
    public static final ExponentialBackOff DEFAULT_BACK_OFF =
            new ExponentialBackOff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1), 0.2);
    /** Default {@code unknownTypePolicy}. */
    public static final UnknownTypePolicy DEFAULT_UNKNOWN_TYPE_POLICY = UnknownTypePolicy.ACK;
    /** Default {@code shutdownTimeout}. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    /** Default {@code takeoverAfter}. */
    public static final Duration DEFAULT_TAKEOVER_AFTER = Duration.ofSeconds(30);
    /** Default {@code recoveryInterval}. */
    public static final Duration DEFAULT_RECOVERY_INTERVAL = Duration.ofSeconds(1);
    /** Default {@code idleConsumerRemoval}. */
    public static final Duration DEFAULT_IDLE_CONSUMER_REMOVAL = Duration.ofHours(1);
    /** Default {@code maxReconnectDelay}. */
    public static final Duration DEFAULT_MAX_RECONNECT_DELAY = Duration.ofSeconds(5);
    /** Default {@code mode}. */
    public static final ConsumerMode DEFAULT_MODE = ConsumerMode.UNORDERED;
    /** Default {@code leases}: 10 s, renewed every 3 s. */
    public static final LeaseOptions DEFAULT_LEASES = LeaseOptions.DEFAULTS;
    /** Default {@code pollInterval}. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

    /** Validates every component. */
    public ConsumerOptions {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw invalid("batchSize", batchSize, "must be between 1 and " + MAX_BATCH_SIZE);
        }
        positive("blockTimeout", blockTimeout);
        if (blockTimeout.compareTo(MAX_BLOCK_TIMEOUT) > 0) {
            throw invalid("blockTimeout", blockTimeout, "must be at most " + MAX_BLOCK_TIMEOUT
                    + " (a blocking read must end before the client's command timeout)");
        }
        if (partitionConcurrency < 1) {
            throw invalid("partitionConcurrency", partitionConcurrency, "must be at least 1");
        }
        if (maxDeliveries < 1) {
            throw invalid("maxDeliveries", maxDeliveries, "must be at least 1 (1 means: never retry)");
        }
        if (backOff == null) {
            throw invalid("backOff", null, "must not be null");
        }
        if (unknownTypePolicy == null) {
            throw invalid("unknownTypePolicy", null, "must be ACK or DEAD_LETTER");
        }
        if (shutdownTimeout == null || shutdownTimeout.isNegative()) {
            throw invalid("shutdownTimeout", shutdownTimeout, "must be zero or positive");
        }
        positive("recoveryInterval", recoveryInterval);
        positive("takeoverAfter", takeoverAfter);
        if (takeoverAfter.compareTo(recoveryInterval.multipliedBy(2)) < 0) {
            throw invalid("takeoverAfter", takeoverAfter, "must be at least twice recoveryInterval ("
                    + recoveryInterval + ") so a live consumer can keep its entries");
        }
        positive("idleConsumerRemoval", idleConsumerRemoval);
        if (idleConsumerRemoval.compareTo(blockTimeout.multipliedBy(2)) < 0) {
            throw invalid("idleConsumerRemoval", idleConsumerRemoval, "must be at least twice blockTimeout ("
                    + blockTimeout + ") so a live consumer is never taken for idle");
        }
        positive("maxReconnectDelay", maxReconnectDelay);
        if (mode == null) {
            throw invalid("mode", null, "must be UNORDERED or ORDERED");
        }
        if (leases == null) {
            throw invalid("leases", null, "must not be null");
        }
        positive("pollInterval", pollInterval);
        if (pollInterval.compareTo(blockTimeout) > 0) {
            throw invalid("pollInterval", pollInterval, "must be at most blockTimeout (" + blockTimeout + ")");
        }
        if (limits == null) {
            throw invalid("limits", null, "must not be null (use EntryLimits.DEFAULTS)");
        }
    }

    /** Options of an unordered container, with the default lease and poll settings (the fields before ordered mode existed). */
    public ConsumerOptions(int batchSize, Duration blockTimeout, int partitionConcurrency, int maxDeliveries,
                           ExponentialBackOff backOff, UnknownTypePolicy unknownTypePolicy, Duration shutdownTimeout,
                           Duration takeoverAfter, Duration recoveryInterval, Duration idleConsumerRemoval,
                           Duration maxReconnectDelay) {
        this(batchSize, blockTimeout, partitionConcurrency, maxDeliveries, backOff, unknownTypePolicy, shutdownTimeout,
                takeoverAfter, recoveryInterval, idleConsumerRemoval, maxReconnectDelay, DEFAULT_MODE, DEFAULT_LEASES,
                defaultPollInterval(blockTimeout), EntryLimits.DEFAULTS);
    }

    /** The defaults. */
    public static ConsumerOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().batchSize(batchSize).blockTimeout(blockTimeout)
                .partitionConcurrency(partitionConcurrency).maxDeliveries(maxDeliveries).backOff(backOff)
                .unknownTypePolicy(unknownTypePolicy).shutdownTimeout(shutdownTimeout)
                .takeoverAfter(takeoverAfter).recoveryInterval(recoveryInterval)
                .idleConsumerRemoval(idleConsumerRemoval).maxReconnectDelay(maxReconnectDelay).mode(mode)
                .leases(leases).pollInterval(pollInterval.equals(defaultPollInterval(blockTimeout)) ? null : pollInterval)
                .limits(limits);
    }

    /** The poll interval when none is set: {@link #DEFAULT_POLL_INTERVAL}, or {@code blockTimeout} when shorter. */
    private static Duration defaultPollInterval(Duration blockTimeout) {
        return blockTimeout != null && blockTimeout.compareTo(DEFAULT_POLL_INTERVAL) < 0 ? blockTimeout
                : DEFAULT_POLL_INTERVAL;
    }

    private static void positive(String field, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw invalid(field, value, "must be a positive duration");
        }
    }

    private static StreamsException invalid(String field, Object value, String rule) {
        return new StreamsException("consumer option " + field + " " + rule + ", was " + value);
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration blockTimeout = DEFAULT_BLOCK_TIMEOUT;
        private int partitionConcurrency = DEFAULT_PARTITION_CONCURRENCY;
        private int maxDeliveries = DEFAULT_MAX_DELIVERIES;
        private ExponentialBackOff backOff = DEFAULT_BACK_OFF;
        private UnknownTypePolicy unknownTypePolicy = DEFAULT_UNKNOWN_TYPE_POLICY;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
        private Duration takeoverAfter = DEFAULT_TAKEOVER_AFTER;
        private Duration recoveryInterval = DEFAULT_RECOVERY_INTERVAL;
        private Duration idleConsumerRemoval = DEFAULT_IDLE_CONSUMER_REMOVAL;
        private Duration maxReconnectDelay = DEFAULT_MAX_RECONNECT_DELAY;
        private ConsumerMode mode = DEFAULT_MODE;
        private LeaseOptions leases = DEFAULT_LEASES;
        private Duration pollInterval;
        private EntryLimits limits = EntryLimits.DEFAULTS;

        private Builder() {
        }

        /** Entries read per partition key per read. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** How long one blocking read waits for entries. */
        public Builder blockTimeout(Duration blockTimeout) {
            this.blockTimeout = blockTimeout;
            return this;
        }

        /** How many partitions are handled at the same time. */
        public Builder partitionConcurrency(int partitionConcurrency) {
            this.partitionConcurrency = partitionConcurrency;
            return this;
        }

        /** Deliveries before a failing entry is dead-lettered. */
        public Builder maxDeliveries(int maxDeliveries) {
            this.maxDeliveries = maxDeliveries;
            return this;
        }

        /** The back-off between deliveries of a failing entry. */
        public Builder backOff(ExponentialBackOff backOff) {
            this.backOff = backOff;
            return this;
        }

        /** The back-off between deliveries of a failing entry, from its parts. */
        public Builder backOff(Duration initial, double multiplier, Duration max, double jitter) {
            this.backOff = new ExponentialBackOff(initial, multiplier, max, jitter);
            return this;
        }

        /** What to do with event types that have no handler. */
        public Builder unknownTypePolicy(UnknownTypePolicy unknownTypePolicy) {
            this.unknownTypePolicy = unknownTypePolicy;
            return this;
        }

        /** How long a stop lets read entries finish. */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        /** How long another consumer's pending entry waits before this container takes it over. */
        public Builder takeoverAfter(Duration takeoverAfter) {
            this.takeoverAfter = takeoverAfter;
            return this;
        }

        /** Delay between passes of the retry and recovery loop. */
        public Builder recoveryInterval(Duration recoveryInterval) {
            this.recoveryInterval = recoveryInterval;
            return this;
        }

        /** Idle time after which a consumer without pending entries is removed from the group. */
        public Builder idleConsumerRemoval(Duration idleConsumerRemoval) {
            this.idleConsumerRemoval = idleConsumerRemoval;
            return this;
        }

        /** Upper bound of the back-off while Valkey cannot be reached. */
        public Builder maxReconnectDelay(Duration maxReconnectDelay) {
            this.maxReconnectDelay = maxReconnectDelay;
            return this;
        }

        /** How the group's containers share the partitions. */
        public Builder mode(ConsumerMode mode) {
            this.mode = mode;
            return this;
        }

        /** Lease time and renewal interval of ordered mode. */
        public Builder leases(LeaseOptions leases) {
            this.leases = leases;
            return this;
        }

        /** Lease time and renewal interval of ordered mode, from their parts. */
        public Builder leases(Duration leaseTime, Duration renewInterval) {
            this.leases = new LeaseOptions(leaseTime, renewInterval);
            return this;
        }

        /**
         * How long a reader that cannot wait on all its keys at once (on a cluster) waits on one of them; default
         * 100 ms, or {@code blockTimeout} when that is shorter.
         */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** Largest entry and most fields accepted. */
        public Builder limits(EntryLimits limits) {
            this.limits = limits;
            return this;
        }

        /** Validates and builds the options. */
        public ConsumerOptions build() {
            Duration poll = pollInterval != null ? pollInterval : defaultPollInterval(blockTimeout);
            return new ConsumerOptions(batchSize, blockTimeout, partitionConcurrency, maxDeliveries, backOff,
                    unknownTypePolicy, shutdownTimeout, takeoverAfter, recoveryInterval, idleConsumerRemoval,
                    maxReconnectDelay, mode, leases, poll, limits);
        }
    }
}
