package io.valkeystreams.reliability;

/**
 * The identified event every scenario publishes ({@code event_type=probe}): its probe number ties a
 * publish attempt to handler calls and dead letters, even when the publish failed and no event ID came back.
 *
 * @param probeSeq the probe number in the scenario's {@link Ledger}
 * @param payload  filler text
 * @param amount   a number, so that a text in its place is a decoding error
 */
record Probe(int probeSeq, String payload, double amount) {

    /** The event type of probes. */
    static final String TYPE = "probe";
    /** The field that carries the probe number, in valid and poison entries alike. */
    static final String SEQ = "probe_seq";

    /** Refuses a non-finite amount, as a real event would refuse a nonsensical value. */
    Probe {
        if (!Double.isFinite(amount)) {
            throw new IllegalArgumentException("probe " + probeSeq + ": amount must be finite, was " + amount);
        }
    }
}
