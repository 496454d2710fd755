package io.valkeystreams.core.consume;

import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.retry.FailedEntry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a {@link ConsumerListener} so that an exception it throws is logged (with its stack trace the first
 * time per method) and goes no further.
 */
final class GuardedListener implements ConsumerListener {

    private static final Logger log = LoggerFactory.getLogger(GuardedListener.class);

    private final ConsumerListener delegate;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    GuardedListener(ConsumerListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handled(Delivery delivery, HandlerOutcome outcome, Duration duration, Throwable failure) {
        guard("handled", () -> delegate.handled(delivery, outcome, duration, failure));
    }

    @Override
    public void retryScheduled(Delivery delivery, Throwable failure, Duration backOff) {
        guard("retryScheduled", () -> delegate.retryScheduled(delivery, failure, backOff));
    }

    @Override
    public void deadLettered(FailedEntry entry) {
        guard("deadLettered", () -> delegate.deadLettered(entry));
    }

    @Override
    public void unknownEventType(Delivery delivery) {
        guard("unknownEventType", () -> delegate.unknownEventType(delivery));
    }

    @Override
    public void trimmedWhilePending(StreamKey key, String group, String entryId) {
        guard("trimmedWhilePending", () -> delegate.trimmedWhilePending(key, group, entryId));
    }

    @Override
    public void takenOver(StreamKey key, String group, String fromConsumer, int entries) {
        guard("takenOver", () -> delegate.takenOver(key, group, fromConsumer, entries));
    }

    @Override
    public void consumerRemoved(StreamKey key, String group, String consumer) {
        guard("consumerRemoved", () -> delegate.consumerRemoved(key, group, consumer));
    }

    @Override
    public void leaseAcquired(StreamKey key, String group, long fencingToken) {
        guard("leaseAcquired", () -> delegate.leaseAcquired(key, group, fencingToken));
    }

    @Override
    public void leaseReleased(StreamKey key, String group, long fencingToken) {
        guard("leaseReleased", () -> delegate.leaseReleased(key, group, fencingToken));
    }

    @Override
    public void leaseLost(StreamKey key, String group, long fencingToken) {
        guard("leaseLost", () -> delegate.leaseLost(key, group, fencingToken));
    }

    @Override
    public void acknowledgementRefused(StreamKey key, String group, long fencingToken, List<String> entryIds) {
        guard("acknowledgementRefused", () -> delegate.acknowledgementRefused(key, group, fencingToken, entryIds));
    }

    @Override
    public void stateChanged(ConsumerContainer container, ContainerState previous, ContainerState current) {
        guard("stateChanged", () -> delegate.stateChanged(container, previous, current));
    }

    private void guard(String method, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            if (reported.add(method)) {
                log.warn("consumer listener {} threw from {}; the container carries on (further failures of this "
                        + "method are logged at debug)", delegate, method, e);
            } else {
                log.debug("consumer listener {} threw from {} again: {}", delegate, method, e.toString());
            }
        }
    }
}
