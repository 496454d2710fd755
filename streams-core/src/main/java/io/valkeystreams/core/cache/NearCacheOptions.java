package io.valkeystreams.core.cache;

/**
 * Settings of the optional in-process near cache in front of Valkey; off by default.
 *
 * @param enabled    whether values read from Valkey are also kept in process memory
 * @param maxEntries most entries kept (least recently used ones are dropped first)
 */
public record NearCacheOptions(boolean enabled, int maxEntries) {

    /** Default entry limit of an enabled near cache. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    /** Validates the limit. */
    public NearCacheOptions {
        if (maxEntries < 1) {
            throw new CacheException("near cache maxEntries must be at least 1, was " + maxEntries);
        }
    }

    /** The default: no near cache. */
    public static NearCacheOptions disabled() {
        return new NearCacheOptions(false, DEFAULT_MAX_ENTRIES);
    }

    /** An enabled near cache holding at most {@code maxEntries} entries. */
    public static NearCacheOptions enabled(int maxEntries) {
        return new NearCacheOptions(true, maxEntries);
    }
}
