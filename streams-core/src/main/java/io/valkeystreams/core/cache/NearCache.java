package io.valkeystreams.core.cache;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The in-process copy of values read from Valkey, bounded (least recently used first out) and
 * aged by each key's remaining Valkey TTL. A value read from Valkey enters only if nothing
 * invalidated its key while it was being read: {@link #beginFetch} registers a token,
 * {@link #invalidate} and {@link #deactivate} withdraw tokens, and {@link #completeFetch} stores the
 * value only when its token is still registered. While inactive (tracking not confirmed) nothing
 * enters. One lock guards everything; every operation is O(1) except prefix removal.
 */
final class NearCache {

    /** What {@code PTTL} answers for a key without expiry. */
    static final long NO_EXPIRY = -1;

    private final int maxEntries;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries;
    private final Map<String, Object> pending = new HashMap<>();
    private boolean active;
    private long generation;

    NearCache(int maxEntries, Clock clock) {
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The value of a Valkey key, or null when absent or past its TTL. */
    synchronized String get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (clock.millis() >= entry.expiresAtMillis) {
            entries.remove(key);
            return null;
        }
        return entry.value;
    }

    /** Registers a read of the key that is about to be sent; null when the near cache is inactive. */
    synchronized Object beginFetch(String key) {
        if (!active) {
            return null;
        }
        Object token = new Object();
        pending.put(key, token);
        return token;
    }

    /**
     * Stores what the read registered by {@code token} returned, unless the key was invalidated
     * meanwhile. {@code ttlMillis} is the key's remaining TTL as {@code PTTL} answers it: -1 for
     * none, -2 when the key is gone.
     */
    synchronized void completeFetch(String key, Object token, String value, long ttlMillis) {
        if (token == null || !pending.remove(key, token) || value == null) {
            return;
        }
        boolean noExpiry = ttlMillis == NO_EXPIRY;
        if (!noExpiry && ttlMillis <= 0) {
            return;
        }
        long expiresAt = noExpiry ? Long.MAX_VALUE : clock.millis() + ttlMillis;
        entries.put(key, new Entry(value, expiresAt));
        if (entries.size() > maxEntries) {
            entries.remove(entries.keySet().iterator().next());
        }
    }

    /** Drops a key and withdraws any read of it in flight. */
    synchronized void invalidate(String key) {
        entries.remove(key);
        pending.remove(key);
    }

    /** Drops every key with the prefix. */
    synchronized void invalidatePrefix(String prefix) {
        entries.keySet().removeIf(key -> key.startsWith(prefix));
        pending.keySet().removeIf(key -> key.startsWith(prefix));
    }

    /** Drops everything (the server was flushed); stays active. */
    synchronized void clear() {
        entries.clear();
        pending.clear();
    }

    /** Drops everything and stops caching until {@link #activate(long)}; returns the new generation. */
    synchronized long deactivate() {
        clear();
        active = false;
        return ++generation;
    }

    /** The number of deactivations so far. */
    synchronized long generation() {
        return generation;
    }

    /** Starts caching, unless the near cache was deactivated after {@code generation} was read. */
    synchronized boolean activate(long generation) {
        if (generation != this.generation) {
            return false;
        }
        active = true;
        return true;
    }

    synchronized boolean isActive() {
        return active;
    }

    synchronized int size() {
        return entries.size();
    }

    private record Entry(String value, long expiresAtMillis) {
    }
}
