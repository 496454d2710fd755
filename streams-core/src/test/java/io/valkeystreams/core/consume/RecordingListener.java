package io.valkeystreams.core.consume;

import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.retry.FailedEntry;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a container reports, for assertions. */
public final class RecordingListener implements ConsumerListener {

    /** One handler call. */
    public record Handled(Delivery delivery, HandlerOutcome outcome) {
    }

    /** One scheduled retry. */
    public record Retry(Delivery delivery, Duration backOff) {
    }

    /** One lease event: what happened, to which key, under which fencing token. */
    public record LeaseEvent(String what, StreamKey key, long token) {
    }

    /** One refused acknowledgement. */
    public record Refused(StreamKey key, long token, List<String> entryIds) {
    }

    /** One takeover. */
    public record TakeOver(StreamKey key, String fromConsumer, int entries) {
    }

    public final List<Handled> handled = new CopyOnWriteArrayList<>();
    public final List<Retry> retries = new CopyOnWriteArrayList<>();
    public final List<FailedEntry> deadLetters = new CopyOnWriteArrayList<>();
    public final List<Delivery> unknownTypes = new CopyOnWriteArrayList<>();
    public final List<String> trimmed = new CopyOnWriteArrayList<>();
    public final List<TakeOver> takeovers = new CopyOnWriteArrayList<>();
    public final List<String> removedConsumers = new CopyOnWriteArrayList<>();
    public final List<ContainerState> states = new CopyOnWriteArrayList<>();
    public final List<LeaseEvent> leases = new CopyOnWriteArrayList<>();
    public final List<Refused> refused = new CopyOnWriteArrayList<>();

    @Override
    public void handled(Delivery delivery, HandlerOutcome outcome, Duration duration, Throwable failure) {
        handled.add(new Handled(delivery, outcome));
    }

    @Override
    public void retryScheduled(Delivery delivery, Throwable failure, Duration backOff) {
        retries.add(new Retry(delivery, backOff));
    }

    @Override
    public void deadLettered(FailedEntry entry) {
        deadLetters.add(entry);
    }

    @Override
    public void unknownEventType(Delivery delivery) {
        unknownTypes.add(delivery);
    }

    @Override
    public void trimmedWhilePending(StreamKey key, String group, String entryId) {
        trimmed.add(entryId);
    }

    @Override
    public void takenOver(StreamKey key, String group, String fromConsumer, int entries) {
        takeovers.add(new TakeOver(key, fromConsumer, entries));
    }

    @Override
    public void consumerRemoved(StreamKey key, String group, String consumer) {
        removedConsumers.add(consumer);
    }

    @Override
    public void leaseAcquired(StreamKey key, String group, long fencingToken) {
        leases.add(new LeaseEvent("acquired", key, fencingToken));
    }

    @Override
    public void leaseReleased(StreamKey key, String group, long fencingToken) {
        leases.add(new LeaseEvent("released", key, fencingToken));
    }

    @Override
    public void leaseLost(StreamKey key, String group, long fencingToken) {
        leases.add(new LeaseEvent("lost", key, fencingToken));
    }

    @Override
    public void acknowledgementRefused(StreamKey key, String group, long fencingToken, List<String> entryIds) {
        refused.add(new Refused(key, fencingToken, entryIds));
    }

    /** The keys held now, from the acquired, released and lost events in order. */
    public Set<StreamKey> held() {
        Set<StreamKey> held = new LinkedHashSet<>();
        for (LeaseEvent event : leases) {
            if (event.what().equals("acquired")) {
                held.add(event.key());
            } else {
                held.remove(event.key());
            }
        }
        return held;
    }

    @Override
    public void stateChanged(ConsumerContainer container, ContainerState previous, ContainerState current) {
        states.add(current);
    }

    /** Total entries taken over. */
    public int takenOverEntries() {
        return takeovers.stream().mapToInt(TakeOver::entries).sum();
    }
}
