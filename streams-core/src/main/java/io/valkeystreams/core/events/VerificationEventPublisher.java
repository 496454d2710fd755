package io.valkeystreams.core.events;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;

/** Publishes {@link VerificationEvent}s to {@code verification.events}, keyed by user. */
public final class VerificationEventPublisher extends TypedPublisher<VerificationEvent> {

    /** Creates the publisher. */
    public VerificationEventPublisher(Publisher publisher) {
        super(publisher, PlatformStreams.VERIFICATION_EVENTS, VerificationEvent::userId);
    }

    /** Publishes a completed verification with the given status. */
    public PublishResult publishVerificationCompleted(String userId, String verificationType, String status,
                                                      String verifiedBy) {
        return publish(new VerificationEvent(userId, VerificationEvent.COMPLETED, verificationType, status,
                verifiedBy, null));
    }

    /** Publishes a failed verification with its reason. */
    public PublishResult publishVerificationFailed(String userId, String verificationType, String reason) {
        return publish(new VerificationEvent(userId, VerificationEvent.FAILED, verificationType, "rejected", null,
                reason));
    }
}
