package io.valkeystreams.core.events;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;

/** Publishes {@link ReputationEvent}s to {@code reputation.events}, keyed by user (per-user order). */
public final class ReputationEventPublisher extends TypedPublisher<ReputationEvent> {

    /** Creates the publisher. */
    public ReputationEventPublisher(Publisher publisher) {
        super(publisher, PlatformStreams.REPUTATION_EVENTS, ReputationEvent::userId);
    }

    /** Publishes a reputation change; its processing priority follows from the impact. */
    public PublishResult publishReputationChange(String userId, String eventType, double impactScore, String groupId,
                                                 String exchangeId, String description) {
        return publish(ReputationEvent.of(userId, eventType, impactScore, groupId, exchangeId, description));
    }
}
