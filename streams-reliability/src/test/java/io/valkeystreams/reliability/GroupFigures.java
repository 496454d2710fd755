package io.valkeystreams.reliability;

import java.util.List;

/**
 * The reconciled outcome of one consumer group in one scenario. Counts are of probes (events) of the
 * group's stream unless they say calls.
 *
 * @param stream                  base stream name
 * @param group                   consumer group
 * @param published               publish attempts (valid and poison)
 * @param poison                  of which poison entries
 * @param acked                   attempts the server acknowledged
 * @param ackedValid              of which valid probes: what the group must process
 * @param publishFailed           attempts that failed (timeout, refused, …)
 * @param writtenUnacked          failed attempts that were written nevertheless (seen in the stream, by a
 *                                handler or in the dead letters)
 * @param processed               distinct valid probes the group's handlers completed
 * @param processedUnacked        of which probes whose publish had failed
 * @param redelivered             extra successful calls on a redelivery (delivery count above 1)
 * @param firstDeliveryDuplicates extra successful calls on a first delivery (the same event in two entries)
 * @param handlerFailures         handler calls that threw
 * @param deadLettered            distinct probes in the dead-letter stream for this group
 * @param poisonDeadLettered      of which poison entries
 * @param poisonProcessed         poison entries a handler completed (must be 0)
 * @param trimmed                 acknowledged probes reported as trimmed while pending
 * @param lost                    acknowledged probes never processed, never dead-lettered, not reported trimmed
 * @param lostSample              up to 10 lost probe numbers
 */
record GroupFigures(String stream, String group, long published, long poison, long acked, long ackedValid,
                    long publishFailed, long writtenUnacked, long processed, long processedUnacked, long redelivered,
                    long firstDeliveryDuplicates, long handlerFailures, long deadLettered, long poisonDeadLettered,
                    long poisonProcessed, long trimmed, long lost, List<Integer> lostSample) {

    /** Extra successful calls, both kinds. */
    long duplicated() {
        return redelivered + firstDeliveryDuplicates;
    }
}
