package io.valkeystreams.cli.compare;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records latencies measured from the intended send time, not from the moment the send happened, so a
 * sender that falls behind its schedule shows the delay instead of hiding it (coordinated omission).
 * Safe for several recording threads.
 */
final class LatencyRecorder {

    /** Largest latency recorded; longer ones are recorded as this. */
    public static final long HIGHEST_NANOS = 60_000_000_000L;

    private final Recorder recorder = new Recorder(HIGHEST_NANOS, 3);
    private Histogram total = new Histogram(HIGHEST_NANOS, 3);

    /** Records the latency of one event intended to be sent at {@code intendedNanos} and received at {@code nowNanos}. */
    public void record(long intendedNanos, long nowNanos) {
        recorder.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, nowNanos - intendedNanos)));
    }

    /** Everything recorded so far. */
    public synchronized Histogram histogram() {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }
}
