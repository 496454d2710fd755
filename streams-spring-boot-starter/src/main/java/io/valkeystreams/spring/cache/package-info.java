/**
 * Spring integration of the valkey-streams cache: a {@link org.springframework.cache.CacheManager}
 * over the Valkey caches (so {@code @Cacheable("reputation_scores")} works), Micrometer cache
 * meters, and the auto-configuration with its {@code valkey.streams.cache.*} properties.
 */
package io.valkeystreams.spring.cache;
