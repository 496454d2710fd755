package io.valkeystreams.core.cache;

import java.util.List;

/**
 * What {@link CacheInvalidator} did for one entry.
 *
 * @param invalidated the cache keys removed or already absent, one per matching rule
 * @param skipped     why matching rules did nothing (their key field was missing or blank)
 */
public record InvalidationResult(List<Invalidated> invalidated, List<String> skipped) {

    /** Copies the lists. */
    public InvalidationResult {
        invalidated = List.copyOf(invalidated);
        skipped = List.copyOf(skipped);
    }

    /** Whether no rule matched the entry. */
    public boolean isEmpty() {
        return invalidated.isEmpty() && skipped.isEmpty();
    }

    /**
     * One invalidated cache key.
     *
     * @param cache   cache name
     * @param key     cache key (without the prefix)
     * @param existed whether a value was present and removed
     */
    public record Invalidated(String cache, String key, boolean existed) {
    }
}
