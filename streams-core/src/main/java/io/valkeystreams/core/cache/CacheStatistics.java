package io.valkeystreams.core.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link CacheListener} that counts, per cache, what the caches report; metrics read these
 * counters. Thread-safe; register it with {@link StreamsCaches.Builder#listener(CacheListener)}.
 */
public final class CacheStatistics implements CacheListener {

    private final Map<String, Counters> counters = new ConcurrentHashMap<>();

    /** The counters of a cache (all zero when nothing was recorded for it). */
    public CacheStats stats(String cache) {
        Counters c = counters.get(cache);
        if (c == null) {
            return new CacheStats(0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new CacheStats(c.hits.sum(), c.nearHits.sum(), c.misses.sum(), c.puts.sum(), c.evictions.sum(),
                c.loadSuccesses.sum(), c.loadFailures.sum(), c.loadNanos.sum());
    }

    @Override
    public void hit(String cache, boolean nearCache) {
        Counters c = of(cache);
        c.hits.increment();
        if (nearCache) {
            c.nearHits.increment();
        }
    }

    @Override
    public void miss(String cache) {
        of(cache).misses.increment();
    }

    @Override
    public void put(String cache) {
        of(cache).puts.increment();
    }

    @Override
    public void evicted(String cache, long count) {
        of(cache).evictions.add(count);
    }

    @Override
    public void loadSucceeded(String cache, long nanos) {
        Counters c = of(cache);
        c.loadSuccesses.increment();
        c.loadNanos.add(nanos);
    }

    @Override
    public void loadFailed(String cache, long nanos, Throwable error) {
        Counters c = of(cache);
        c.loadFailures.increment();
        c.loadNanos.add(nanos);
    }

    private Counters of(String cache) {
        return counters.computeIfAbsent(cache, name -> new Counters());
    }

    private static final class Counters {
        final LongAdder hits = new LongAdder();
        final LongAdder nearHits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder puts = new LongAdder();
        final LongAdder evictions = new LongAdder();
        final LongAdder loadSuccesses = new LongAdder();
        final LongAdder loadFailures = new LongAdder();
        final LongAdder loadNanos = new LongAdder();
    }
}
