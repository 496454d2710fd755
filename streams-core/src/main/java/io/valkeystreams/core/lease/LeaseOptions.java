package io.valkeystreams.core.lease;

import io.valkeystreams.core.StreamsException;
import java.time.Duration;

/**
 * How long a partition lease lasts and how often its holder renews it. A holder stops using a lease at
 * {@link #localValidity()} after it sent the renewal (a tenth of the lease time earlier than the server
 * lets it expire), so a paused instance stops before another one can take over.
 *
 * @param leaseTime     how long a lease (and a membership) lasts without renewal; a dead instance's
 *                      partitions move to others within about this time
 * @param renewInterval how often the holder renews its leases and membership; at most a third of {@code leaseTime}
 */
public record LeaseOptions(Duration leaseTime, Duration renewInterval) {

    /** Default {@code leaseTime}. */
    public static final Duration DEFAULT_LEASE_TIME = Duration.ofSeconds(10);
    /** Default {@code renewInterval}. */
    public static final Duration DEFAULT_RENEW_INTERVAL = Duration.ofSeconds(3);
    /** The defaults. */
    public static final LeaseOptions DEFAULTS = new LeaseOptions(DEFAULT_LEASE_TIME, DEFAULT_RENEW_INTERVAL);

    /** Validates the components. */
    public LeaseOptions {
        if (leaseTime == null || leaseTime.toMillis() < 10) {
            throw new StreamsException("lease option leaseTime must be at least 10 ms, was " + leaseTime);
        }
        if (renewInterval == null || renewInterval.isNegative() || renewInterval.isZero()) {
            throw new StreamsException("lease option renewInterval must be a positive duration, was " + renewInterval);
        }
        if (renewInterval.multipliedBy(3).compareTo(leaseTime) > 0) {
            throw new StreamsException("lease option renewInterval must be at most a third of leaseTime (" + leaseTime
                    + ") so a lease survives a missed renewal, was " + renewInterval);
        }
    }

    /** How long after sending a renewal the holder may still use the lease: nine tenths of the lease time. */
    public Duration localValidity() {
        return leaseTime.minus(leaseTime.dividedBy(10));
    }
}
