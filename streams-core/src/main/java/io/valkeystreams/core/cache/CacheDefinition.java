package io.valkeystreams.core.cache;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * An immutable cache definition: values of cache {@code name} live in Valkey under the key
 * {@code keyPrefix + key} and expire {@code ttl} after they are written. Invalid values are refused
 * with a {@link CacheException} naming the cache, the field and the reason.
 *
 * @param name      cache name, such as {@code reputation_scores} (letters, digits, '.', '_', '-')
 * @param ttl       time to live of an entry written without an explicit TTL; at least 1 ms
 * @param keyPrefix prefix of every Valkey key of the cache, such as {@code rep:}
 */
public record CacheDefinition(String name, Duration ttl, String keyPrefix) {

    /** Shortest TTL accepted; Valkey expires keys with millisecond precision. */
    public static final Duration MIN_TTL = Duration.ofMillis(1);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]*");

    /** Validates every component. */
    public CacheDefinition {
        if (name == null || name.isBlank()) {
            throw new CacheException("cache name must not be blank; use a name such as 'reputation_scores'");
        }
        if (!NAME.matcher(name).matches()) {
            throw new CacheException("cache '" + name + "': name may hold letters, digits, '.', '_' and '-' only,"
                    + " starting with a letter or digit");
        }
        if (ttl == null || ttl.compareTo(MIN_TTL) < 0) {
            throw new CacheException("cache '" + name + "': ttl must be a positive duration of at least 1 ms, was "
                    + ttl);
        }
        if (keyPrefix == null || keyPrefix.isBlank()) {
            throw new CacheException("cache '" + name + "': keyPrefix must not be blank, was '" + keyPrefix
                    + "'; use a prefix such as '" + name + ":' so its keys cannot collide with other data");
        }
    }

    /** Creates a definition; see the record components. */
    public static CacheDefinition of(String name, Duration ttl, String keyPrefix) {
        return new CacheDefinition(name, ttl, keyPrefix);
    }

    /** A copy with another TTL. */
    public CacheDefinition withTtl(Duration ttl) {
        return new CacheDefinition(name, ttl, keyPrefix);
    }

    /** A copy with another key prefix. */
    public CacheDefinition withKeyPrefix(String keyPrefix) {
        return new CacheDefinition(name, ttl, keyPrefix);
    }

    /** The Valkey key of a cache key: {@code keyPrefix + key}, such as {@code rep:user-1}. */
    public String valkeyKey(String key) {
        return keyPrefix + key;
    }
}
