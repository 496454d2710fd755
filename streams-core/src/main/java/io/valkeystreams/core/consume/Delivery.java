package io.valkeystreams.core.consume;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;

/**
 * Where and how often an entry was delivered, handed to every handler call.
 *
 * @param key           the partition key the entry was read from
 * @param group         the consumer group handling it
 * @param entryId       its entry ID (millisecond time and sequence)
 * @param deliveryCount how often it has been delivered to the group, this delivery included (1 the first time)
 * @param eventId       its {@code event_id}, or null when the producer wrote none
 * @param eventType     its {@code event_type}
 * @param fencingToken  in {@link ConsumerMode#ORDERED ordered mode}, the fencing token of the partition lease
 *                      this delivery was made under: it grows with every change of the partition's holder, so
 *                      a handler can fence its own writes (refuse a write that carries a smaller token than one
 *                      already seen for the partition); 0 in unordered mode
 */
public record Delivery(StreamKey key, String group, String entryId, long deliveryCount, String eventId,
                       String eventType, long fencingToken) {

    /** Validates the components. */
    public Delivery {
        if (key == null) {
            throw new StreamsException("delivery: key must not be null");
        }
        if (group == null || group.isBlank()) {
            throw new StreamsException("delivery of " + key + ": group must not be blank");
        }
        if (entryId == null || entryId.isBlank()) {
            throw new StreamsException("delivery of " + key + ": entryId must not be blank");
        }
        if (deliveryCount < 1) {
            throw new StreamsException("delivery of " + key + " " + entryId + ": deliveryCount must be at least 1, was "
                    + deliveryCount);
        }
        if (fencingToken < 0) {
            throw new StreamsException("delivery of " + key + " " + entryId + ": fencingToken must be 0 or positive, was "
                    + fencingToken);
        }
    }

    /** A delivery without a lease (unordered mode): fencing token 0. */
    public Delivery(StreamKey key, String group, String entryId, long deliveryCount, String eventId, String eventType) {
        this(key, group, entryId, deliveryCount, eventId, eventType, 0);
    }

    /** The base stream name. */
    public String stream() {
        return key.stream();
    }

    /** The partition number. */
    public int partition() {
        return key.partition();
    }

    /** Whether it was made under a partition lease (ordered mode). */
    public boolean isLeased() {
        return fencingToken > 0;
    }

    /** Whether this is a redelivery (a retry or a takeover). */
    public boolean isRedelivery() {
        return deliveryCount > 1;
    }
}
