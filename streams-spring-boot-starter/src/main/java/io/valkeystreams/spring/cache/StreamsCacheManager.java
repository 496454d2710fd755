package io.valkeystreams.spring.cache;

import io.valkeystreams.core.cache.StreamsCache;
import io.valkeystreams.core.cache.StreamsCaches;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * A Spring {@link CacheManager} over {@link StreamsCaches}: one {@link Cache} per defined cache, so
 * {@code @Cacheable("reputation_scores")} reads and writes {@code rep:<key>} in Valkey with the
 * cache's TTL. Caches are not created on demand: an undefined name has no cache (Spring then
 * reports it), because every cache needs a declared TTL and key prefix.
 */
public final class StreamsCacheManager implements CacheManager {

    private final StreamsCaches caches;
    private final Map<String, Cache> springCaches;

    /** Creates the manager over the given caches. */
    public StreamsCacheManager(StreamsCaches caches) {
        this.caches = Objects.requireNonNull(caches, "caches must not be null");
        Map<String, Cache> byName = new LinkedHashMap<>();
        for (StreamsCache cache : caches.caches()) {
            byName.put(cache.name(), new StreamsSpringCache(cache));
        }
        this.springCaches = Collections.unmodifiableMap(byName);
    }

    /** The cache of that name, or null when it is not defined. */
    @Override
    public Cache getCache(String name) {
        return springCaches.get(name);
    }

    /** The names of the defined caches. */
    @Override
    public Collection<String> getCacheNames() {
        return springCaches.keySet();
    }

    /** The Valkey caches behind this manager. */
    public StreamsCaches streamsCaches() {
        return caches;
    }
}
