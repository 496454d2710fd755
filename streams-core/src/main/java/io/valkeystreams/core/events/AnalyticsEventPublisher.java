package io.valkeystreams.core.events;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import java.util.Map;
import java.util.Objects;

/**
 * Publishes {@link UserBehaviorEvent}s to {@code analytics.user.behavior}, keyed by user hash.
 * {@link #publishUserBehaviorOf} hashes a raw user ID first, so it never reaches the stream.
 */
public final class AnalyticsEventPublisher extends TypedPublisher<UserBehaviorEvent> {

    private final UserHasher hasher;

    /** Creates the publisher with the hasher used by {@link #publishUserBehaviorOf}. */
    public AnalyticsEventPublisher(Publisher publisher, UserHasher hasher) {
        super(publisher, PlatformStreams.ANALYTICS_USER_BEHAVIOR, UserBehaviorEvent::userHash);
        this.hasher = Objects.requireNonNull(hasher, "hasher must not be null");
    }

    /** Publishes a behaviour event for an already hashed user; the platform defaults to {@code telegram}. */
    public PublishResult publishUserBehavior(String userHash, String eventType, String eventCategory,
                                             Map<String, Object> properties, String sessionHash) {
        return publish(new UserBehaviorEvent(userHash, eventType, eventCategory, properties, sessionHash, null));
    }

    /** Hashes the raw user ID with the keyed hasher, then publishes; the raw ID is never written. */
    public PublishResult publishUserBehaviorOf(String rawUserId, String eventType, String eventCategory,
                                               Map<String, Object> properties, String sessionHash) {
        return publishUserBehavior(hasher.hash(rawUserId), eventType, eventCategory, properties, sessionHash);
    }
}
