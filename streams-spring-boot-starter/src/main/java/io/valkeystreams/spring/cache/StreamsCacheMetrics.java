package io.valkeystreams.spring.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.valkeystreams.core.cache.CacheStatistics;
import java.util.List;
import java.util.Objects;

/**
 * Binds Micrometer's cache meters ({@code cache.gets{cache,result}}, {@code cache.puts},
 * {@code cache.evictions}, {@code cache.load{cache,result}}, {@code cache.load.duration},
 * {@code cache.near.hits}) for every named cache, read from {@link CacheStatistics}. In Prometheus:
 * {@code cache_gets_total{cache="reputation_scores",result="hit"}}. Spring Boot binds it to every
 * registry when it is a bean.
 */
public final class StreamsCacheMetrics implements MeterBinder {

    private final CacheStatistics statistics;
    private final List<String> cacheNames;
    private final List<Tag> tags;

    /** Meters for the named caches, with extra tags (none by default). */
    public StreamsCacheMetrics(CacheStatistics statistics, List<String> cacheNames, List<Tag> tags) {
        this.statistics = Objects.requireNonNull(statistics, "statistics must not be null");
        this.cacheNames = List.copyOf(cacheNames);
        this.tags = List.copyOf(tags);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : cacheNames) {
            new StreamsCacheMeterBinder(statistics, name, tags).bindTo(registry);
        }
    }
}
