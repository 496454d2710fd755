package io.valkeystreams.cli.compare;

import org.HdrHistogram.Histogram;

/**
 * What one trial measured.
 *
 * @param events           events handled in the measured window
 * @param perSecond        events a second over the window
 * @param latency          latency percentiles, or null when the scenario measures none
 * @param cpuMillisPer1000 process CPU time (all threads of this JVM; the server is another process) per 1,000 events
 */
record Sample(long events, double perSecond, Latency latency, double cpuMillisPer1000) {

    /**
     * Latency percentiles in microseconds.
     *
     * @param p50  median
     * @param p99  99th percentile
     * @param p999 99.9th percentile
     * @param max  largest
     */
    public record Latency(double p50, double p99, double p999, double max) {

        /** Percentiles of a histogram of nanoseconds. */
        public static Latency of(Histogram nanos) {
            return new Latency(nanos.getValueAtPercentile(50) / 1e3, nanos.getValueAtPercentile(99) / 1e3,
                    nanos.getValueAtPercentile(99.9) / 1e3, nanos.getMaxValue() / 1e3);
        }
    }

    /** A sample from a window: {@code events} in {@code nanos}, using {@code cpuNanos} of process CPU. */
    public static Sample of(long events, long nanos, long cpuNanos, Histogram latency) {
        return new Sample(events, events * 1e9 / Math.max(1, nanos), latency == null ? null : Latency.of(latency),
                events == 0 ? 0 : cpuNanos / 1e6 / (events / 1000.0));
    }
}
