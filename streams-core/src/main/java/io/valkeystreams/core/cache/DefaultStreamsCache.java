package io.valkeystreams.core.cache;

import java.time.Duration;
import java.util.Optional;

/** {@link StreamsCache} over a {@link ValkeyStore}, with validation, the codec, metrics and single flight. */
final class DefaultStreamsCache implements StreamsCache {

    private final CacheDefinition definition;
    private final ValkeyStore store;
    private final CacheCodec codec;
    private final CacheListener listener;
    private final SingleFlight<Loaded> flights = new SingleFlight<>();

    DefaultStreamsCache(CacheDefinition definition, ValkeyStore store, CacheCodec codec, CacheListener listener) {
        this.definition = definition;
        this.store = store;
        this.codec = codec;
        this.listener = listener;
    }

    @Override
    public String name() {
        return definition.name();
    }

    @Override
    public CacheDefinition definition() {
        return definition;
    }

    @Override
    public <T> Optional<T> get(String key, Class<T> type) {
        String valkeyKey = valkeyKey(key);
        requireType(type);
        ValkeyStore.Read read = store.read(valkeyKey);
        if (read.value() == null) {
            listener.miss(name());
            return Optional.empty();
        }
        listener.hit(name(), read.near());
        return Optional.ofNullable(decode(valkeyKey, read.value(), type));
    }

    @Override
    public void put(String key, Object value) {
        put(key, value, definition.ttl());
    }

    @Override
    public void put(String key, Object value, Duration ttl) {
        String valkeyKey = valkeyKey(key);
        if (value == null) {
            throw new CacheException("cache '" + name() + "': value for key '" + key + "' must not be null; call"
                    + " invalidate(key) to remove an entry");
        }
        if (ttl == null || ttl.compareTo(CacheDefinition.MIN_TTL) < 0) {
            throw new CacheException("cache '" + name() + "': ttl for key '" + key + "' must be at least 1 ms, was "
                    + ttl + "; omit it to use the cache's ttl of " + definition.ttl());
        }
        store.write(valkeyKey, encode(key, value), ttl);
        listener.put(name());
    }

    @Override
    public boolean invalidate(String key) {
        boolean removed = store.delete(valkeyKey(key));
        if (removed) {
            listener.evicted(name(), 1);
        }
        return removed;
    }

    @Override
    public <T> T getOrLoad(String key, Class<T> type, CacheLoader<? extends T> loader) {
        String valkeyKey = valkeyKey(key);
        requireType(type);
        if (loader == null) {
            throw new CacheException("cache '" + name() + "': loader for key '" + key + "' must not be null");
        }
        Optional<T> cached = get(key, type);
        if (cached.isPresent()) {
            return cached.get();
        }
        SingleFlight.Outcome<Loaded> outcome;
        try {
            outcome = flights.run(key, () -> loadAndStore(key, valkeyKey, loader));
        } catch (SingleFlight.FlightFailedException e) {
            throw waiterFailure(key, e.getCause());
        }
        Loaded loaded = outcome.value();
        if (outcome.leader() && loaded.value() != null) {
            return type.cast(loaded.value());
        }
        return loaded.text() == null ? null : decode(valkeyKey, loaded.text(), type);
    }

    @Override
    public long clear() {
        long removed = store.deleteByPrefix(definition.keyPrefix());
        if (removed > 0) {
            listener.evicted(name(), removed);
        }
        return removed;
    }

    /** Callers of {@link #getOrLoad} waiting for the load of a key in flight. */
    int waitingFor(String key) {
        return flights.waiters(key);
    }

    @Override
    public String toString() {
        return "StreamsCache[" + name() + ", ttl=" + definition.ttl() + ", prefix=" + definition.keyPrefix() + "]";
    }

    /** A flight ended while this caller missed: the value may be stored now, so look before loading. */
    private Loaded loadAndStore(String key, String valkeyKey, CacheLoader<?> loader) {
        String stored = store.read(valkeyKey).value();
        if (stored != null) {
            return new Loaded(null, stored);
        }
        Object value = load(key, loader);
        if (value == null) {
            return new Loaded(null, null);
        }
        String text = encode(key, value);
        store.write(valkeyKey, text, definition.ttl());
        listener.put(name());
        return new Loaded(value, text);
    }

    private Object load(String key, CacheLoader<?> loader) {
        long started = System.nanoTime();
        try {
            Object value = loader.load(key);
            listener.loadSucceeded(name(), System.nanoTime() - started);
            return value;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            listener.loadFailed(name(), System.nanoTime() - started, e);
            throw new CacheLoadException("cache '" + name() + "': loading key '" + key + "' failed: " + e, e);
        }
    }

    private RuntimeException waiterFailure(String key, Throwable leaderFailure) {
        if (leaderFailure instanceof CacheLoadException loadFailure) {
            return new CacheLoadException(loadFailure.getMessage(), loadFailure.getCause());
        }
        return new CacheException("cache '" + name() + "': the load of key '" + key + "' this call waited for failed: "
                + leaderFailure, leaderFailure);
    }

    private String valkeyKey(String key) {
        if (key == null || key.isBlank()) {
            throw new CacheException("cache '" + name() + "': key must not be blank, was "
                    + (key == null ? "null" : "'" + key + "'") + "; pass the id the value belongs to, such as 'user-1'");
        }
        return definition.valkeyKey(key);
    }

    private void requireType(Class<?> type) {
        if (type == null) {
            throw new CacheException("cache '" + name() + "': type must not be null; pass the value's class, or"
                    + " Object.class when it is unknown");
        }
    }

    private String encode(String key, Object value) {
        try {
            return codec.encode(value);
        } catch (RuntimeException e) {
            throw new CacheException("cache '" + name() + "': value of type " + value.getClass().getName()
                    + " for key '" + key + "' cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private <T> T decode(String valkeyKey, String text, Class<T> type) {
        try {
            return codec.decode(text, type);
        } catch (RuntimeException e) {
            throw new CacheException("cache '" + name() + "': the value of '" + valkeyKey + "' cannot be read as "
                    + type.getName() + ": " + e.getMessage() + "; invalidate the key or read it as another type", e);
        }
    }

    /** What a load produced: the loader's own object (null when read from Valkey instead) and its text. */
    private record Loaded(Object value, String text) {
    }
}
