package io.valkeystreams.spring.cache;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.cache.CacheMeterBinder;
import io.valkeystreams.core.cache.CacheStatistics;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer's cache meters for one cache, read from {@link CacheStatistics}: {@code cache.gets}
 * ({@code result=hit|miss}), {@code cache.puts}, {@code cache.evictions}, plus {@code cache.load}
 * ({@code result=success|failure}), {@code cache.load.duration} (as Caffeine's binder names them) and
 * {@code cache.near.hits}. There is no {@code cache.size}: counting a cache's keys in Valkey would
 * need a scan.
 */
final class StreamsCacheMeterBinder extends CacheMeterBinder<CacheStatistics> {

    private final String name;

    StreamsCacheMeterBinder(CacheStatistics statistics, String name, Iterable<Tag> tags) {
        super(statistics, name, tags);
        this.name = name;
    }

    @Override
    protected Long size() {
        return null;
    }

    @Override
    protected long hitCount() {
        return statistics().stats(name).hits();
    }

    @Override
    protected Long missCount() {
        return statistics().stats(name).misses();
    }

    @Override
    protected Long evictionCount() {
        return statistics().stats(name).evictions();
    }

    @Override
    protected long putCount() {
        return statistics().stats(name).puts();
    }

    @Override
    protected void bindImplementationSpecificMetrics(MeterRegistry registry) {
        CacheStatistics statistics = statistics();
        FunctionCounter.builder("cache.load", statistics, s -> s.stats(name).loadSuccesses())
                .tags(getTagsWithCacheName()).tag("result", "success")
                .description("The number of times a loader returned a value or null")
                .register(registry);
        FunctionCounter.builder("cache.load", statistics, s -> s.stats(name).loadFailures())
                .tags(getTagsWithCacheName()).tag("result", "failure")
                .description("The number of times a loader failed")
                .register(registry);
        TimeGauge.builder("cache.load.duration", statistics, TimeUnit.NANOSECONDS,
                        s -> s.stats(name).totalLoadNanos())
                .tags(getTagsWithCacheName())
                .description("The time spent in loaders")
                .register(registry);
        FunctionCounter.builder("cache.near.hits", statistics, s -> s.stats(name).nearHits())
                .tags(getTagsWithCacheName())
                .description("The number of hits answered by the in-process near cache (also counted in cache.gets)")
                .register(registry);
    }

    private CacheStatistics statistics() {
        CacheStatistics statistics = getCache();
        if (statistics == null) {
            throw new IllegalStateException("cache statistics of '" + name + "' were garbage-collected");
        }
        return statistics;
    }
}
