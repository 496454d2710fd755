package io.valkeystreams.spring.consume;

import io.valkeystreams.core.consume.ConsumerMode;
import io.valkeystreams.core.consume.UnknownTypePolicy;
import java.time.Duration;

/**
 * Consumer settings for all groups ({@code valkey.streams.consumer.*}) or one group
 * ({@code valkey.streams.consumer.groups[<stream>/<group>].*}). Unset values fall back to the
 * all-groups value, then to the library's default.
 */
public class ConsumerSettings {

    /** Entries read per XREADGROUP call. */
    private Integer batchSize;

    /** How long a read blocks waiting for entries (at most 10s). */
    private Duration blockTimeout;

    /** Partitions handled at once by one container. */
    private Integer partitionConcurrency;

    /** Deliveries of an entry before it is dead-lettered. */
    private Integer maxDeliveries;

    /** Delay before the first retry; it grows by backoff-multiplier per delivery. */
    private Duration backoffInitial;

    /** Growth of the retry delay per delivery. */
    private Double backoffMultiplier;

    /** Largest retry delay. */
    private Duration backoffMax;

    /** Random spread of retry delays, 0 to 1. */
    private Double backoffJitter;

    /** What happens to entries whose event type has no handler: ack (counted) or dead-letter. */
    private UnknownTypePolicy unknownTypePolicy;

    /** How long stopping waits for in-flight handlers. */
    private Duration shutdownTimeout;

    /** How long another consumer's pending entry must be idle before it is taken over. */
    private Duration takeoverAfter;

    /** Largest entry a consumer accepts (field names and values, UTF-8 bytes); larger ones are dead-lettered. */
    private Integer maxEntryBytes;

    /** Most fields an entry may have; entries with more are dead-lettered. */
    private Integer maxFields;

    /**
     * How the instances of the service share a group's partitions: unordered (competing consumers on every
     * partition) or ordered (one instance per partition at a time, under a lease; per-key order end to end).
     */
    private ConsumerMode mode;

    /** Ordered mode: how long a partition lease lasts without renewal (a dead instance's partitions move after it). */
    private Duration leaseTime;

    /** Ordered mode: how often leases are renewed; at most a third of lease-time. */
    private Duration leaseRenewInterval;

    /** On a cluster: how long a reader waits on one key before polling its other keys again (at most block-timeout). */
    private Duration pollInterval;

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public Duration getBlockTimeout() {
        return blockTimeout;
    }

    public void setBlockTimeout(Duration blockTimeout) {
        this.blockTimeout = blockTimeout;
    }

    public Integer getPartitionConcurrency() {
        return partitionConcurrency;
    }

    public void setPartitionConcurrency(Integer partitionConcurrency) {
        this.partitionConcurrency = partitionConcurrency;
    }

    public Integer getMaxDeliveries() {
        return maxDeliveries;
    }

    public void setMaxDeliveries(Integer maxDeliveries) {
        this.maxDeliveries = maxDeliveries;
    }

    public Duration getBackoffInitial() {
        return backoffInitial;
    }

    public void setBackoffInitial(Duration backoffInitial) {
        this.backoffInitial = backoffInitial;
    }

    public Double getBackoffMultiplier() {
        return backoffMultiplier;
    }

    public void setBackoffMultiplier(Double backoffMultiplier) {
        this.backoffMultiplier = backoffMultiplier;
    }

    public Duration getBackoffMax() {
        return backoffMax;
    }

    public void setBackoffMax(Duration backoffMax) {
        this.backoffMax = backoffMax;
    }

    public Double getBackoffJitter() {
        return backoffJitter;
    }

    public void setBackoffJitter(Double backoffJitter) {
        this.backoffJitter = backoffJitter;
    }

    public UnknownTypePolicy getUnknownTypePolicy() {
        return unknownTypePolicy;
    }

    public void setUnknownTypePolicy(UnknownTypePolicy unknownTypePolicy) {
        this.unknownTypePolicy = unknownTypePolicy;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public Duration getTakeoverAfter() {
        return takeoverAfter;
    }

    public void setTakeoverAfter(Duration takeoverAfter) {
        this.takeoverAfter = takeoverAfter;
    }

    public ConsumerMode getMode() {
        return mode;
    }

    public void setMode(ConsumerMode mode) {
        this.mode = mode;
    }

    public Duration getLeaseTime() {
        return leaseTime;
    }

    public void setLeaseTime(Duration leaseTime) {
        this.leaseTime = leaseTime;
    }

    public Duration getLeaseRenewInterval() {
        return leaseRenewInterval;
    }

    public void setLeaseRenewInterval(Duration leaseRenewInterval) {
        this.leaseRenewInterval = leaseRenewInterval;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Integer getMaxEntryBytes() {
        return maxEntryBytes;
    }

    public void setMaxEntryBytes(Integer maxEntryBytes) {
        this.maxEntryBytes = maxEntryBytes;
    }

    public Integer getMaxFields() {
        return maxFields;
    }

    public void setMaxFields(Integer maxFields) {
        this.maxFields = maxFields;
    }
}
