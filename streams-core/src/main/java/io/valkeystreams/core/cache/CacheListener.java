package io.valkeystreams.core.cache;

/**
 * Observes the caches (for metrics and logs). Every method defaults to doing nothing; an exception
 * thrown by a listener is logged and never affects the cache call. Methods may be called from any
 * thread, including Lettuce's event loop, and must not block.
 */
public interface CacheListener {

    /** A listener that does nothing. */
    CacheListener NONE = new CacheListener() {
    };

    /** A lookup found a value; {@code nearCache} is true when the in-process near cache answered it. */
    default void hit(String cache, boolean nearCache) {
    }

    /** A lookup found no value. */
    default void miss(String cache) {
    }

    /** A value was written to Valkey (by a put or after a load). */
    default void put(String cache) {
    }

    /** {@code count} entries were removed by an invalidation or a clear. */
    default void evicted(String cache, long count) {
    }

    /** A loader returned (a value or null) after {@code nanos}. */
    default void loadSucceeded(String cache, long nanos) {
    }

    /** A loader failed after {@code nanos}. */
    default void loadFailed(String cache, long nanos, Throwable error) {
    }

    /** The whole near cache was emptied, for the reason given (connection lost, server flushed, closed). */
    default void nearCacheCleared(String reason) {
    }
}
