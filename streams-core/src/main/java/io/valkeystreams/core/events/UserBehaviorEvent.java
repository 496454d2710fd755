package io.valkeystreams.core.events;

import java.util.Map;

/**
 * A privacy-compliant user behaviour event, on {@code analytics.user.behavior}, keyed by the user
 * hash (never a raw user ID: derive it with {@link UserHasher}).
 *
 * @param userHash      keyed hash of the user ID (required)
 * @param eventType     what happened, such as {@code page_view} (required)
 * @param eventCategory category, such as {@code navigation} (required)
 * @param properties    free-form properties, written as JSON text (empty when null)
 * @param sessionHash   hashed session, or null
 * @param platform      client platform, {@code telegram} when null
 */
public record UserBehaviorEvent(String userHash, String eventType, String eventCategory,
                                Map<String, Object> properties, String sessionHash, String platform) {

    /** The platform when none is given. */
    public static final String DEFAULT_PLATFORM = "telegram";

    /** Validates the fields and applies the defaults. */
    public UserBehaviorEvent {
        Require.nonBlank("user behavior event", "user_hash", userHash);
        Require.nonBlank("user behavior event", "event_type", eventType);
        Require.nonBlank("user behavior event", "event_category", eventCategory);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        platform = platform == null ? DEFAULT_PLATFORM : Require.nonBlank("user behavior event", "platform", platform);
    }
}
