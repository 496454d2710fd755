package io.valkeystreams.spring.cache;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Settings of the Valkey cache, under {@code valkey.streams.cache}. The four platform caches
 * ({@code user_profiles}, {@code reputation_scores}, {@code group_activity}, {@code food_discovery})
 * are always defined with the specification's TTLs and prefixes unless overridden here.
 */
@ConfigurationProperties("valkey.streams.cache")
public class StreamsCacheProperties {

    /** Whether the Valkey cache, its Spring CacheManager, meters and event invalidator are configured. */
    private boolean enabled = true;

    /**
     * Caches by name: a platform cache's entry overrides its TTL or prefix; any other entry defines a
     * further cache and needs both. Names are matched ignoring case, '-' and '_', so
     * {@code caches.reputation-scores.ttl=30s} overrides {@code reputation_scores}.
     */
    private final Map<String, CacheSpec> caches = new LinkedHashMap<>();

    /**
     * Packages whose classes may be read back from values cached through Spring's cache abstraction,
     * in addition to the application's own packages and the JDK's value types.
     */
    private List<String> trustedPackages = new ArrayList<>();

    /** The optional in-process near cache. */
    private final NearCache nearCache = new NearCache();

    private final Invalidation invalidation = new Invalidation();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Map<String, CacheSpec> getCaches() {
        return caches;
    }

    public List<String> getTrustedPackages() {
        return trustedPackages;
    }

    public void setTrustedPackages(List<String> trustedPackages) {
        this.trustedPackages = trustedPackages;
    }

    public NearCache getNearCache() {
        return nearCache;
    }

    /** TTL and key prefix of one cache. */
    public static class CacheSpec {

        /** Name of the cache, when it must differ from the map key. */
        private String name;

        /** Time to live of an entry; a number without a unit means seconds, as in the specification. */
        @DurationUnit(ChronoUnit.SECONDS)
        private Duration ttl;

        /** Prefix of the cache's Valkey keys, such as 'rep:'. */
        private String prefix;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Duration getTtl() {
            return ttl;
        }

        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }

        public String getPrefix() {
            return prefix;
        }

        public void setPrefix(String prefix) {
            this.prefix = prefix;
        }
    }

    /** Settings of the near cache. */
    public static class NearCache {

        /**
         * Whether values read from Valkey are also kept in process memory, dropped when Valkey reports
         * a change (RESP3 client tracking). Not available on a Valkey Cluster.
         */
        private boolean enabled = false;

        /** Most entries the near cache holds; the least recently used go first. */
        private int maxEntries = 10_000;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getMaxEntries() {
            return maxEntries;
        }

        public void setMaxEntries(int maxEntries) {
            this.maxEntries = maxEntries;
        }
    }

    public Invalidation getInvalidation() {
        return invalidation;
    }

    /** Event-driven invalidation. */
    public static class Invalidation {

        /**
         * Whether a consumer group of its own ({@code cache_invalidator}, added to the mapped streams)
         * invalidates cache entries that events make stale.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
