package io.valkeystreams.cli.compare;

/**
 * Ours divided by a peer's figure, from the same run, and whether the target holds.
 *
 * @param name   what is compared, such as {@code sync publish p50}
 * @param ours   our median
 * @param peer   the peer's median
 * @param bound  the target ratio, or NaN when the ratio is shown for information only
 * @param atMost whether the ratio must be at most {@code bound} (latency, CPU) or at least (throughput)
 */
record Ratio(String name, double ours, double peer, double bound, boolean atMost) {

    /** Ours divided by the peer's figure (NaN when the peer's figure is zero). */
    public double value() {
        return peer == 0 ? Double.NaN : ours / peer;
    }

    /** Whether there is a target. */
    public boolean hasTarget() {
        return !Double.isNaN(bound);
    }

    /** Whether the target holds (false when there is none). */
    public boolean met() {
        double value = value();
        return hasTarget() && !Double.isNaN(value) && (atMost ? value <= bound : value >= bound);
    }

    /** The target as text, such as {@code <= 1.25} or {@code >= 2.00}. */
    public String target() {
        if (!hasTarget()) {
            return "-";
        }
        return (atMost ? "<= " : ">= ") + String.format("%.2f", bound);
    }
}
