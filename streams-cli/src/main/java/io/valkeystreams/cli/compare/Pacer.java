package io.valkeystreams.cli.compare;

import java.util.concurrent.locks.LockSupport;

/**
 * A fixed-rate schedule: event {@code i} is intended to be sent at {@code start + i * interval}. A sender
 * that is late sends at once and keeps the schedule, so lateness shows as latency.
 */
final class Pacer {

    private final long start;
    private final double intervalNanos;

    /** A schedule of {@code perSecond} events a second from {@code startNanos}. */
    public Pacer(long startNanos, double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive, was " + perSecond);
        }
        this.start = startNanos;
        this.intervalNanos = 1e9 / perSecond;
    }

    /** The intended send time of event {@code i}. */
    public long intended(long i) {
        return start + (long) (i * intervalNanos);
    }

    /** How many events are due by {@code nowNanos}. */
    public long dueBy(long nowNanos) {
        return nowNanos < start ? 0 : (long) ((nowNanos - start) / intervalNanos) + 1;
    }

    /** Waits until event {@code i} is due and returns its intended send time. */
    public long awaitTurn(long i) {
        long intended = intended(i);
        long left;
        while ((left = intended - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
        return intended;
    }
}
