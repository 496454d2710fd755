package io.valkeystreams.core.cache;

/**
 * Computes the value of a missing cache key, for {@link StreamsCache#getOrLoad}.
 *
 * @param <T> type of the value
 */
@FunctionalInterface
public interface CacheLoader<T> {

    /**
     * Loads the value of {@code key}.
     *
     * @return the value, or null when there is none (null is returned to the callers and not cached)
     * @throws Exception any failure; it reaches every caller waiting for this load as the cause of a
     *                   {@link CacheLoadException}
     */
    T load(String key) throws Exception;
}
