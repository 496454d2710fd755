package io.valkeystreams.core.cache;

import io.valkeystreams.core.connection.StreamsConnection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The caches of an application on one connection: the four {@link PlatformCaches} plus any the
 * application defines. Thread-safe. Closing it closes the near cache's tracking connection, never
 * the shared {@link StreamsConnection}.
 */
public interface StreamsCaches extends AutoCloseable {

    /** Starts a builder with the four platform caches defined. */
    static Builder builder(StreamsConnection connection) {
        Builder builder = new Builder(connection);
        PlatformCaches.all().forEach(builder::define);
        return builder;
    }

    /**
     * The cache of that name.
     *
     * @throws CacheException naming the defined caches when there is none
     */
    StreamsCache cache(String name);

    /** The cache of that name, if defined. */
    Optional<StreamsCache> find(String name);

    /** Every cache, in definition order. */
    Collection<StreamsCache> caches();

    /** Whether the in-process near cache is on. */
    boolean nearCacheEnabled();

    /** Entries currently held by the near cache (0 when it is off). */
    int nearCacheSize();

    /** Closes the near cache's tracking connection and empties the near cache. */
    @Override
    void close();

    /** Builder for {@link StreamsCaches}. */
    final class Builder {
        private final StreamsConnection connection;
        private final Map<String, CacheDefinition> definitions = new LinkedHashMap<>();
        private final List<CacheListener> listeners = new ArrayList<>();
        private CacheCodec codec = new JacksonCacheCodec();
        private NearCacheOptions nearCache = NearCacheOptions.disabled();
        private Clock clock = Clock.systemUTC();

        private Builder(StreamsConnection connection) {
            this.connection = Objects.requireNonNull(connection, "connection must not be null");
        }

        /**
         * Adds a cache.
         *
         * @throws CacheException when a cache of that name is already defined (use {@link #replace})
         */
        public Builder define(CacheDefinition definition) {
            Objects.requireNonNull(definition, "cache definition must not be null");
            if (definitions.containsKey(definition.name())) {
                throw new CacheException("cache '" + definition.name() + "' is already defined; use replace(...) to"
                        + " change its TTL or prefix");
            }
            definitions.put(definition.name(), definition);
            return this;
        }

        /**
         * Replaces the definition of a defined cache (to change a platform cache's TTL or prefix).
         *
         * @throws CacheException when no cache of that name is defined
         */
        public Builder replace(CacheDefinition definition) {
            Objects.requireNonNull(definition, "cache definition must not be null");
            if (!definitions.containsKey(definition.name())) {
                throw new CacheException("cannot replace unknown cache '" + definition.name() + "'; defined caches: "
                        + String.join(", ", definitions.keySet()) + "; use define(...) to add it");
            }
            definitions.put(definition.name(), definition);
            return this;
        }

        /** Removes every definition, platform caches included (for applications that use none of them). */
        public Builder clearDefinitions() {
            definitions.clear();
            return this;
        }

        /** The codec of values; the default is the plain {@link JacksonCacheCodec}. */
        public Builder codec(CacheCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec must not be null");
            return this;
        }

        /** Adds a listener; every added listener is called, each guarded against exceptions. */
        public Builder listener(CacheListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
            return this;
        }

        /** Settings of the near cache (off by default). */
        public Builder nearCache(NearCacheOptions nearCache) {
            this.nearCache = Objects.requireNonNull(nearCache, "nearCache options must not be null");
            return this;
        }

        /** Clock that ages near-cache entries by their Valkey TTL. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * Checks that no two caches share or nest key prefixes and opens the near cache's tracking
         * connection when the near cache is on.
         *
         * @throws CacheException for colliding prefixes, or a near cache the server or deployment cannot support
         */
        public StreamsCaches build() {
            checkPrefixes(definitions.values());
            return DefaultStreamsCaches.create(connection, List.copyOf(definitions.values()), codec,
                    new GuardedCacheListener(listeners), nearCache, clock);
        }

        private static void checkPrefixes(Collection<CacheDefinition> all) {
            for (CacheDefinition one : all) {
                for (CacheDefinition other : all) {
                    if (one == other) {
                        continue;
                    }
                    if (one.keyPrefix().equals(other.keyPrefix())) {
                        throw new CacheException("caches '" + one.name() + "' and '" + other.name()
                                + "' have the same keyPrefix '" + one.keyPrefix() + "'; give each cache its own prefix");
                    }
                    if (other.keyPrefix().startsWith(one.keyPrefix())) {
                        throw new CacheException("keyPrefix '" + other.keyPrefix() + "' of cache '" + other.name()
                                + "' starts with keyPrefix '" + one.keyPrefix() + "' of cache '" + one.name()
                                + "', so their keys could collide; choose prefixes that do not nest");
                    }
                }
            }
        }
    }
}
