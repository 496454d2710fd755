package io.valkeystreams.reliability;

/** A fault: when it was injected and when the injected condition ended (the server was back, …). */
final class Fault {
    private final String label;
    private final long injectedAt;
    private volatile long clearedAt;

    Fault(String label, long injectedAt) {
        this.label = label;
        this.injectedAt = injectedAt;
        this.clearedAt = injectedAt;
    }

    String label() {
        return label;
    }

    long injectedAt() {
        return injectedAt;
    }

    long clearedAt() {
        return clearedAt;
    }

    /** The injected condition ended now (for instantaneous faults it ends when it is injected). */
    void cleared() {
        clearedAt = System.currentTimeMillis();
    }

    /** The injected condition ended at a known time (a pause that lifts itself). */
    void clearedAt(long epochMillis) {
        clearedAt = epochMillis;
    }
}
