package io.valkeystreams.spring.cache;

import io.valkeystreams.core.cache.CacheDefinition;
import io.valkeystreams.core.cache.CacheException;
import io.valkeystreams.core.cache.PlatformCaches;
import io.valkeystreams.core.cache.StreamsCaches;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Applies {@code valkey.streams.cache.caches.*} to a {@link StreamsCaches.Builder}. */
final class PropertiesDefinitions {

    private static final String PREFIX = "valkey.streams.cache.caches.";

    private PropertiesDefinitions() {
    }

    static StreamsCaches.Builder apply(StreamsCaches.Builder builder, Map<String, StreamsCacheProperties.CacheSpec> caches) {
        caches.forEach((key, spec) -> {
            String name = spec.getName() != null ? spec.getName() : key;
            Optional<CacheDefinition> platform = platformCache(name);
            if (platform.isPresent()) {
                CacheDefinition definition = platform.get();
                if (spec.getTtl() != null) {
                    definition = definition.withTtl(spec.getTtl());
                }
                if (spec.getPrefix() != null) {
                    definition = definition.withKeyPrefix(spec.getPrefix());
                }
                builder.replace(definition);
            } else {
                if (spec.getTtl() == null || spec.getPrefix() == null) {
                    throw new CacheException(PREFIX + key + ": '" + name + "' is not a platform cache, so it needs"
                            + " both ttl and prefix, such as " + PREFIX + key + ".ttl=600s and " + PREFIX + key
                            + ".prefix=" + name + ":");
                }
                builder.define(CacheDefinition.of(name, spec.getTtl(), spec.getPrefix()));
            }
        });
        return builder;
    }

    private static Optional<CacheDefinition> platformCache(String name) {
        String wanted = canonical(name);
        return PlatformCaches.all().stream().filter(definition -> canonical(definition.name()).equals(wanted))
                .findFirst();
    }

    private static String canonical(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
