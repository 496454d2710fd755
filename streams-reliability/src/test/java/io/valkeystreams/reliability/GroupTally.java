package io.valkeystreams.reliability;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What one group did with the probes of its stream. Extra successful calls are classified without
 * regard to the order they were recorded in: each first delivery (count 1) beyond one is a first-delivery
 * duplicate (the same event in two entries); the other extra calls are redeliveries.
 */
final class GroupTally {
    private final String stream;
    private final String group;
    private final BitSet processed = new BitSet();
    private final BitSet firstDelivered = new BitSet();
    private final List<Integer> duplicateSample = new ArrayList<>();
    private long successes;
    private long failures;
    private long firstDeliveryDuplicates;

    GroupTally(String stream, String group) {
        this.stream = stream;
        this.group = group;
    }

    String stream() {
        return stream;
    }

    String group() {
        return group;
    }

    synchronized void record(int seq, long deliveryCount, boolean success) {
        if (!success) {
            failures++;
            return;
        }
        successes++;
        if (processed.get(seq) && duplicateSample.size() < 5 && !duplicateSample.contains(seq)) {
            duplicateSample.add(seq);
        }
        processed.set(seq);
        if (deliveryCount == 1) {
            if (firstDelivered.get(seq)) {
                firstDeliveryDuplicates++;
            } else {
                firstDelivered.set(seq);
            }
        }
    }

    synchronized boolean isProcessed(int seq) {
        return processed.get(seq);
    }

    synchronized int processedCount() {
        return processed.cardinality();
    }

    synchronized BitSet processed() {
        return (BitSet) processed.clone();
    }

    synchronized long failures() {
        return failures;
    }

    /** Extra successful calls that were not first deliveries. */
    synchronized long redelivered() {
        return successes - processed.cardinality() - firstDeliveryDuplicates;
    }

    synchronized long firstDeliveryDuplicates() {
        return firstDeliveryDuplicates;
    }

    /** Up to five probes that were processed more than once. */
    synchronized List<Integer> duplicateSample() {
        return List.copyOf(duplicateSample);
    }
}
