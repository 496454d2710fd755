package io.valkeystreams.core.cache;

/**
 * Counters of one cache since it was created, as recorded by {@link CacheStatistics}.
 *
 * @param hits           lookups that found a value (near-cache hits included)
 * @param nearHits       hits answered by the in-process near cache
 * @param misses         lookups that found no value
 * @param puts           values written to Valkey
 * @param evictions      entries removed by invalidations and clears
 * @param loadSuccesses  loader calls that returned
 * @param loadFailures   loader calls that failed
 * @param totalLoadNanos time spent in loaders
 */
public record CacheStats(long hits, long nearHits, long misses, long puts, long evictions, long loadSuccesses,
                         long loadFailures, long totalLoadNanos) {

    /** Hits and misses. */
    public long requests() {
        return hits + misses;
    }

    /** Hits divided by requests; 0 when there were none. */
    public double hitRate() {
        long requests = requests();
        return requests == 0 ? 0.0 : (double) hits / requests;
    }
}
