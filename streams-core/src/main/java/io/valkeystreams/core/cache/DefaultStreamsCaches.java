package io.valkeystreams.core.cache;

import io.valkeystreams.core.connection.StreamsConnection;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link StreamsCaches}: one {@link DefaultStreamsCache} per definition over one {@link ValkeyStore}. */
final class DefaultStreamsCaches implements StreamsCaches {

    private final Map<String, StreamsCache> caches;
    private final ValkeyStore store;
    private final CacheListener listener;

    private DefaultStreamsCaches(Map<String, StreamsCache> caches, ValkeyStore store, CacheListener listener) {
        this.caches = caches;
        this.store = store;
        this.listener = listener;
    }

    static StreamsCaches create(StreamsConnection connection, List<CacheDefinition> definitions, CacheCodec codec,
                                CacheListener listener, NearCacheOptions nearOptions, Clock clock) {
        ValkeyStore store;
        if (nearOptions.enabled()) {
            NearCache near = new NearCache(nearOptions.maxEntries(), clock);
            store = new ValkeyStore(connection, near, TrackingConnection.open(connection, near, listener));
        } else {
            store = new ValkeyStore(connection, null, null);
        }
        Map<String, StreamsCache> caches = new LinkedHashMap<>();
        for (CacheDefinition definition : definitions) {
            caches.put(definition.name(), new DefaultStreamsCache(definition, store, codec, listener));
        }
        return new DefaultStreamsCaches(Collections.unmodifiableMap(caches), store, listener);
    }

    @Override
    public StreamsCache cache(String name) {
        StreamsCache cache = caches.get(name);
        if (cache == null) {
            throw new CacheException("unknown cache '" + name + "'; defined caches: " + String.join(", ", caches.keySet())
                    + "; define it with StreamsCaches.Builder.define(...)");
        }
        return cache;
    }

    @Override
    public Optional<StreamsCache> find(String name) {
        return Optional.ofNullable(caches.get(name));
    }

    @Override
    public Collection<StreamsCache> caches() {
        return caches.values();
    }

    @Override
    public boolean nearCacheEnabled() {
        return store.nearCacheEnabled();
    }

    @Override
    public int nearCacheSize() {
        return store.nearCacheSize();
    }

    @Override
    public void close() {
        if (store.nearCacheEnabled()) {
            store.close();
            listener.nearCacheCleared("caches closed");
        }
    }
}
