package io.valkeystreams.core.consume;

import io.valkeystreams.core.retry.BackOffPolicy;
import io.valkeystreams.core.retry.ExceptionClassifier;
import io.valkeystreams.core.retry.FailedEntry;
import io.valkeystreams.core.retry.Recoverer;
import io.valkeystreams.core.wire.Envelope;
import io.valkeystreams.core.wire.EventCodec;
import io.valkeystreams.core.wire.EventDecodingException;
import io.valkeystreams.core.wire.WireFields;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the fate of one entry: handled and acknowledged, left pending for a retry, or dead-lettered
 * and acknowledged. It never throws, so one bad entry cannot stop a partition.
 */
final class EntryProcessor {

    /** What to do with the entry at the source. */
    enum Outcome {
        /** Acknowledge it: handled, dead-lettered, or not for this group. */
        ACK,
        /** The handler failed and the entry is to be delivered again after its back-off. */
        RETRY,
        /** Leave it pending as it is (interrupted by a stop, or the dead letter could not be written). */
        LEAVE_PENDING
    }

    private static final Logger log = LoggerFactory.getLogger(EntryProcessor.class);

    private final String group;
    private final HandlerRegistry handlers;
    private final EventCodec codec;
    private final ConsumerOptions options;
    private final BackOffPolicy backOff;
    private final ExceptionClassifier classifier;
    private final Recoverer recoverer;
    private final ConsumerListener listener;
    private final Clock clock;

    EntryProcessor(String group, HandlerRegistry handlers, EventCodec codec, ConsumerOptions options,
                   BackOffPolicy backOff, ExceptionClassifier classifier, Recoverer recoverer,
                   ConsumerListener listener, Clock clock) {
        this.group = group;
        this.handlers = handlers;
        this.codec = codec;
        this.options = options;
        this.backOff = backOff;
        this.classifier = classifier;
        this.recoverer = recoverer;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Handles one entry.
     *
     * @param aborting whether the container gave up waiting for handlers; a failure then leaves the entry
     *                 pending as it is, without counting it as a handler failure
     */
    Outcome process(Work work, BooleanSupplier aborting) {
        if (work.fields().isEmpty()) {
            listener.trimmedWhilePending(work.key(), group, work.id());
            return Outcome.ACK;
        }
        String replayGroup = work.fields().get(WireFields.REPLAY_GROUP);
        if (replayGroup != null && !replayGroup.equals(group)) {
            log.debug("{} {} is a replay for group {}; acknowledged without handling", work.key(), work.id(), replayGroup);
            return Outcome.ACK;
        }
        String overLimit = options.limits().violation(work.fields());
        if (overLimit != null) {
            return deadLetter(work, EntryLimits.metadataOf(work.fields()), overLimit);
        }
        Envelope envelope;
        try {
            envelope = Envelope.adopt(work.fields());
        } catch (EventDecodingException e) {
            return deadLetter(work, FailedEntry.describe(e));
        }
        Delivery delivery = new Delivery(work.key(), group, work.id(), work.deliveryCount(), envelope.eventId(),
                envelope.eventType(), work.fencingToken());
        Route route = handlers.route(envelope.eventType());
        if (route == null) {
            if (options.unknownTypePolicy() == UnknownTypePolicy.DEAD_LETTER) {
                return deadLetter(work, "no handler for event_type '" + envelope.eventType() + "' in group '"
                        + group + "' (unknown-type policy DEAD_LETTER)");
            }
            listener.unknownEventType(delivery);
            return Outcome.ACK;
        }
        long started = System.nanoTime();
        try {
            route.invoke(codec, envelope, delivery);
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            if (aborting.getAsBoolean()) {
                log.info("{} {} was interrupted by the stop of its container; it stays pending", work.key(), work.id());
                return Outcome.LEAVE_PENDING;
            }
            listener.handled(delivery, HandlerOutcome.FAILURE, Duration.ofNanos(System.nanoTime() - started), e);
            return failed(work, delivery, e);
        }
        listener.handled(delivery, HandlerOutcome.SUCCESS, Duration.ofNanos(System.nanoTime() - started), null);
        return Outcome.ACK;
    }

    private Outcome failed(Work work, Delivery delivery, Throwable failure) {
        if (!classifier.isRetryable(failure)) {
            return deadLetter(work, FailedEntry.describe(failure));
        }
        if (delivery.deliveryCount() >= options.maxDeliveries()) {
            return deadLetter(work, FailedEntry.describe(failure));
        }
        Duration delay = backOff.delayAfter(delivery.deliveryCount(), work.id());
        log.debug("{} {} failed on delivery {} of {}; retrying after {}: {}", work.key(), work.id(),
                delivery.deliveryCount(), options.maxDeliveries(), delay, FailedEntry.describe(failure));
        listener.retryScheduled(delivery, failure, delay);
        return Outcome.RETRY;
    }

    /** Writes the dead letter; the entry is acknowledged only when that worked. */
    Outcome deadLetter(Work work, String error) {
        return deadLetter(work, work.fields(), error);
    }

    private Outcome deadLetter(Work work, Map<String, String> fields, String error) {
        FailedEntry entry = new FailedEntry(work.key(), work.id(), group, fields, work.deliveryCount(), error,
                clock.instant());
        try {
            recoverer.recover(entry);
        } catch (RuntimeException e) {
            log.warn("cannot dead-letter {} {} ({}); it stays pending and is offered again later: {}",
                    work.key(), work.id(), error, e.getMessage());
            return Outcome.LEAVE_PENDING;
        }
        log.warn("dead-lettered {} {} for group {} after {} deliveries: {}", work.key(), work.id(), group,
                work.deliveryCount(), error);
        listener.deadLettered(entry);
        return Outcome.ACK;
    }
}
