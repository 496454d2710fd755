package io.valkeystreams.core.cache;

/**
 * One line of an {@link InvalidationMapping}: an entry of {@code stream} whose {@code event_type}
 * is {@code eventType} (or any type, for {@link #ANY_EVENT_TYPE}) stales the key of {@code cache}
 * held in the entry's field {@code keyField}.
 *
 * @param stream    base stream name, such as {@code reputation.events}
 * @param eventType event type the rule applies to, or {@link #ANY_EVENT_TYPE}
 * @param cache     name of the cache to invalidate
 * @param keyField  entry field whose value is the cache key, such as {@code user_id}
 */
public record InvalidationRule(String stream, String eventType, String cache, String keyField) {

    /** Matches every event type. */
    public static final String ANY_EVENT_TYPE = "*";

    /** Validates every component. */
    public InvalidationRule {
        require("stream", stream, "a base stream name such as 'reputation.events'");
        require("eventType", eventType, "an event type, or '" + ANY_EVENT_TYPE + "' for every type");
        require("cache", cache, "a cache name such as 'reputation_scores'");
        require("keyField", keyField, "the entry field holding the cache key, such as 'user_id'");
    }

    /** A rule for entries of one event type. */
    public static InvalidationRule of(String stream, String eventType, String cache, String keyField) {
        return new InvalidationRule(stream, eventType, cache, keyField);
    }

    /** A rule for entries of every event type. */
    public static InvalidationRule anyEvent(String stream, String cache, String keyField) {
        return new InvalidationRule(stream, ANY_EVENT_TYPE, cache, keyField);
    }

    /** Whether an entry of that stream and event type (null when unknown) falls under this rule. */
    public boolean matches(String entryStream, String entryEventType) {
        return stream.equals(entryStream) && (ANY_EVENT_TYPE.equals(eventType) || eventType.equals(entryEventType));
    }

    private static void require(String field, String value, String expected) {
        if (value == null || value.isBlank()) {
            throw new CacheException("invalidation rule: " + field + " must not be blank, was "
                    + (value == null ? "null" : "'" + value + "'") + "; give " + expected);
        }
    }
}
