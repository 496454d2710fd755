package io.valkeystreams.core.events;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;

/** Publishes {@link ModeTransitionEvent}s to {@code user.mode.transitions}, keyed by user. */
public final class ModeTransitionPublisher extends TypedPublisher<ModeTransitionEvent> {

    /** Creates the publisher. */
    public ModeTransitionPublisher(Publisher publisher) {
        super(publisher, PlatformStreams.USER_MODE_TRANSITIONS, ModeTransitionEvent::userId);
    }

    /** Publishes a mode transition ({@code event_type} {@code mode_transition}). */
    public PublishResult publishModeTransition(String userId, String fromMode, String toMode, String reason) {
        return publish(ModeTransitionEvent.of(userId, fromMode, toMode, reason));
    }
}
