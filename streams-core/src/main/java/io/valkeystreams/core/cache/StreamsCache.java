package io.valkeystreams.core.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * One named cache in Valkey: values are JSON text under {@code <prefix><key>} (such as
 * {@code rep:user-1}) with a TTL. Thread-safe. A blank key, a null value or a non-positive TTL is
 * refused with a {@link CacheException} before anything is sent; Valkey failures are thrown as
 * {@link io.valkeystreams.core.StreamsException}s.
 */
public interface StreamsCache {

    /** The cache name. */
    String name();

    /** Name, TTL and key prefix. */
    CacheDefinition definition();

    /**
     * The value of a key, read as {@code type}.
     *
     * @throws CacheException for a blank key, or when the stored text cannot be read as {@code type}
     */
    <T> Optional<T> get(String key, Class<T> type);

    /** Stores a value with the cache's TTL, replacing any value of the key. */
    void put(String key, Object value);

    /**
     * Stores a value with its own TTL.
     *
     * @throws CacheException for a blank key, a null value, a TTL under 1 ms, or a value that cannot be written as JSON
     */
    void put(String key, Object value, Duration ttl);

    /**
     * Removes a key.
     *
     * @return whether a value was removed
     */
    boolean invalidate(String key);

    /**
     * The value of a key, loading and storing it when it is missing. Within this process one caller
     * runs the loader for a missing key while concurrent callers for the same key wait for its result
     * (single flight); a null result is returned to all of them and not cached.
     *
     * @throws CacheLoadException when the loader fails (every waiting caller gets one, with the same cause)
     * @throws CacheException     for a blank key, or a recursive load of the same key by the loader
     */
    <T> T getOrLoad(String key, Class<T> type, CacheLoader<? extends T> loader);

    /**
     * Removes every key of this cache (every Valkey key with its prefix), scanning incrementally.
     *
     * @return how many keys were removed
     */
    long clear();
}
