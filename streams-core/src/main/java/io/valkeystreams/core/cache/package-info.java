/**
 * The cache: named caches in Valkey with a TTL and a key prefix each ({@link
 * io.valkeystreams.core.cache.PlatformCaches} are the four of the specification), single-flight
 * loading, JSON values, an optional in-process near cache kept coherent by Valkey's client-side
 * caching invalidations, and event-driven invalidation ({@link
 * io.valkeystreams.core.cache.CacheInvalidator}).
 */
package io.valkeystreams.core.cache;
