package io.valkeystreams.core.cache;

import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls every listener in turn; a listener that throws is logged and skipped. */
final class GuardedCacheListener implements CacheListener {

    private static final Logger log = LoggerFactory.getLogger(GuardedCacheListener.class);

    private final List<CacheListener> listeners;

    GuardedCacheListener(List<CacheListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void hit(String cache, boolean nearCache) {
        each(listener -> listener.hit(cache, nearCache));
    }

    @Override
    public void miss(String cache) {
        each(listener -> listener.miss(cache));
    }

    @Override
    public void put(String cache) {
        each(listener -> listener.put(cache));
    }

    @Override
    public void evicted(String cache, long count) {
        each(listener -> listener.evicted(cache, count));
    }

    @Override
    public void loadSucceeded(String cache, long nanos) {
        each(listener -> listener.loadSucceeded(cache, nanos));
    }

    @Override
    public void loadFailed(String cache, long nanos, Throwable error) {
        each(listener -> listener.loadFailed(cache, nanos, error));
    }

    @Override
    public void nearCacheCleared(String reason) {
        each(listener -> listener.nearCacheCleared(reason));
    }

    private void each(Consumer<CacheListener> call) {
        for (CacheListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("cache listener {} failed: {}", listener.getClass().getName(), e.toString());
            }
        }
    }
}
