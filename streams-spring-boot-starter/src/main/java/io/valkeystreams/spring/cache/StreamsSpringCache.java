package io.valkeystreams.spring.cache;

import io.valkeystreams.core.cache.CacheException;
import io.valkeystreams.core.cache.CacheLoadException;
import io.valkeystreams.core.cache.StreamsCache;
import java.time.temporal.TemporalAccessor;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;

/**
 * A Spring {@link Cache} over a {@link StreamsCache}. Values are stored with their Java type
 * (the typed JSON codec), so they can be read back without one. Null values are not stored: putting
 * null removes the key, and a null from a loader is returned without being cached. Keys become text:
 * strings as they are, numbers, booleans, characters, UUIDs, enums and dates by their text form, other
 * objects by their own {@code toString()} ({@code SimpleKey} included). CompletableFuture-based
 * retrieval ({@code retrieve}) is not supported, as Spring allows.
 */
final class StreamsSpringCache implements Cache {

    private final StreamsCache cache;

    StreamsSpringCache(StreamsCache cache) {
        this.cache = cache;
    }

    @Override
    public String getName() {
        return cache.name();
    }

    @Override
    public StreamsCache getNativeCache() {
        return cache;
    }

    @Override
    public ValueWrapper get(Object key) {
        return cache.get(keyOf(key), Object.class).map(SimpleValueWrapper::new).orElse(null);
    }

    @Override
    public <T> T get(Object key, Class<T> type) {
        Object value = cache.get(keyOf(key), Object.class).orElse(null);
        if (value != null && type != null && !type.isInstance(value)) {
            throw new IllegalStateException("cache '" + getName() + "': the value of key '" + keyOf(key) + "' is a "
                    + value.getClass().getName() + ", not the required " + type.getName());
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
    }

    @Override
    public <T> T get(Object key, Callable<T> valueLoader) {
        try {
            @SuppressWarnings("unchecked")
            T value = (T) cache.getOrLoad(keyOf(key), Object.class, any -> valueLoader.call());
            return value;
        } catch (CacheLoadException e) {
            throw new ValueRetrievalException(key, valueLoader, e.getCause());
        }
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            cache.invalidate(keyOf(key));
        } else {
            cache.put(keyOf(key), value);
        }
    }

    @Override
    public void evict(Object key) {
        cache.invalidate(keyOf(key));
    }

    @Override
    public boolean evictIfPresent(Object key) {
        return cache.invalidate(keyOf(key));
    }

    @Override
    public void clear() {
        cache.clear();
    }

    @Override
    public boolean invalidate() {
        return cache.clear() > 0;
    }

    private String keyOf(Object key) {
        if (key instanceof String text) {
            return text;
        }
        if (key instanceof Enum<?> constant) {
            return constant.name();
        }
        if (key instanceof Number || key instanceof Boolean || key instanceof Character || key instanceof UUID
                || key instanceof TemporalAccessor || (key != null && hasOwnToString(key.getClass()))) {
            return key.toString();
        }
        throw new CacheException("cache '" + getName() + "': cannot make a key of "
                + (key == null ? "null" : "a " + key.getClass().getName())
                + "; give the class a toString() or declare the key, such as @Cacheable(key = \"#user.id\")");
    }

    private static boolean hasOwnToString(Class<?> type) {
        try {
            return type.getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
