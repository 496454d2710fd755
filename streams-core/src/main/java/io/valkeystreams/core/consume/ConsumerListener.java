package io.valkeystreams.core.consume;

import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.retry.FailedEntry;
import java.time.Duration;
import java.util.List;

/**
 * Observes a container (for metrics and logs). Every method defaults to a no-op; the container calls
 * them on its own threads through a guard, so an exception thrown here is logged and never disturbs
 * the engine. Implementations should be quick: they run on the handling threads.
 */
public interface ConsumerListener {

    /** A listener that does nothing. */
    ConsumerListener NO_OP = new ConsumerListener() {
    };

    /**
     * A handler call ended.
     *
     * @param failure the exception on {@link HandlerOutcome#FAILURE}, else null
     */
    default void handled(Delivery delivery, HandlerOutcome outcome, Duration duration, Throwable failure) {
    }

    /** A failed entry stays pending and will be delivered again once it has been idle for {@code backOff}. */
    default void retryScheduled(Delivery delivery, Throwable failure, Duration backOff) {
    }

    /** An entry was written to the dead-letter stream (and is then acknowledged). */
    default void deadLettered(FailedEntry entry) {
    }

    /** An entry's event type had no handler and the policy is {@link UnknownTypePolicy#ACK}; it was acknowledged. */
    default void unknownEventType(Delivery delivery) {
    }

    /** A pending entry had been trimmed or deleted from its stream; it was removed from the pending list. */
    default void trimmedWhilePending(StreamKey key, String group, String entryId) {
    }

    /** This container claimed {@code entries} pending entries that another consumer did not finish. */
    default void takenOver(StreamKey key, String group, String fromConsumer, int entries) {
    }

    /** An idle consumer without pending entries was removed from the group. */
    default void consumerRemoved(StreamKey key, String group, String consumer) {
    }

    /** In ordered mode, this container acquired the lease of a partition key and will handle it. */
    default void leaseAcquired(StreamKey key, String group, long fencingToken) {
    }

    /**
     * In ordered mode, this container gave a partition up: for rebalancing (another container is due to have it)
     * or on stop. Its entries were finished and acknowledged first.
     */
    default void leaseReleased(StreamKey key, String group, long fencingToken) {
    }

    /**
     * In ordered mode, this container lost the lease of a partition key without giving it up: its renewal was
     * refused or came too late (the instance was paused or cut off). It stops handling that partition at once;
     * entries it had not finished stay pending for the new holder.
     */
    default void leaseLost(StreamKey key, String group, long fencingToken) {
    }

    /**
     * In ordered mode, acknowledging entries was refused because the lease they were handled under is no longer
     * held (fencing): the new holder delivers them again.
     */
    default void acknowledgementRefused(StreamKey key, String group, long fencingToken, List<String> entryIds) {
    }

    /** The container changed state. */
    default void stateChanged(ConsumerContainer container, ContainerState previous, ContainerState current) {
    }
}
