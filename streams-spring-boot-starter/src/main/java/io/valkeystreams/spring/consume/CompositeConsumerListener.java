package io.valkeystreams.spring.consume;

import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.ConsumerListener;
import io.valkeystreams.core.consume.ContainerState;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.consume.HandlerOutcome;
import io.valkeystreams.core.retry.FailedEntry;
import java.time.Duration;
import java.util.List;

/** Fans consumer events out to every {@link ConsumerListener} bean. */
public final class CompositeConsumerListener implements ConsumerListener {

    private final List<ConsumerListener> listeners;

    /** Creates the composite. */
    public CompositeConsumerListener(List<ConsumerListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void handled(Delivery delivery, HandlerOutcome outcome, Duration duration, Throwable failure) {
        listeners.forEach(listener -> listener.handled(delivery, outcome, duration, failure));
    }

    @Override
    public void retryScheduled(Delivery delivery, Throwable failure, Duration backOff) {
        listeners.forEach(listener -> listener.retryScheduled(delivery, failure, backOff));
    }

    @Override
    public void deadLettered(FailedEntry entry) {
        listeners.forEach(listener -> listener.deadLettered(entry));
    }

    @Override
    public void unknownEventType(Delivery delivery) {
        listeners.forEach(listener -> listener.unknownEventType(delivery));
    }

    @Override
    public void trimmedWhilePending(StreamKey key, String group, String entryId) {
        listeners.forEach(listener -> listener.trimmedWhilePending(key, group, entryId));
    }

    @Override
    public void takenOver(StreamKey key, String group, String fromConsumer, int entries) {
        listeners.forEach(listener -> listener.takenOver(key, group, fromConsumer, entries));
    }

    @Override
    public void consumerRemoved(StreamKey key, String group, String consumer) {
        listeners.forEach(listener -> listener.consumerRemoved(key, group, consumer));
    }

    @Override
    public void stateChanged(ConsumerContainer container, ContainerState previous, ContainerState current) {
        listeners.forEach(listener -> listener.stateChanged(container, previous, current));
    }
}
