package io.valkeystreams.cli.compare;

import java.util.function.ToDoubleFunction;

/** A figure of a {@link Sample} that is summarised over rounds and compared. */
enum Metric {
    /** Events a second. */
    THROUGHPUT("events/s", Sample::perSecond),
    /** Median latency, µs. */
    P50("p50 µs", s -> s.latency().p50()),
    /** 99th percentile latency, µs. */
    P99("p99 µs", s -> s.latency().p99()),
    /** 99.9th percentile latency, µs. */
    P999("p99.9 µs", s -> s.latency().p999()),
    /** Largest latency, µs. */
    MAX("max µs", s -> s.latency().max()),
    /** Process CPU milliseconds per 1,000 events. */
    CPU("CPU ms/1k", Sample::cpuMillisPer1000);

    private final String label;
    private final ToDoubleFunction<Sample> extractor;

    Metric(String label, ToDoubleFunction<Sample> extractor) {
        this.label = label;
        this.extractor = extractor;
    }

    /** Column heading. */
    public String label() {
        return label;
    }

    /** Whether it is a latency figure. */
    public boolean isLatency() {
        return this == P50 || this == P99 || this == P999 || this == MAX;
    }

    /** The figure of a sample. */
    public double of(Sample sample) {
        return extractor.applyAsDouble(sample);
    }
}
