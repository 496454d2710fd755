package io.valkeystreams.spring.cache;

import io.valkeystreams.core.cache.CacheCodec;
import io.valkeystreams.core.cache.CacheInvalidator;
import io.valkeystreams.core.cache.CacheListener;
import io.valkeystreams.core.cache.CacheStatistics;
import io.valkeystreams.core.cache.InvalidationMapping;
import io.valkeystreams.core.cache.JacksonCacheCodec;
import io.valkeystreams.core.cache.NearCacheOptions;
import io.valkeystreams.core.cache.StreamsCache;
import io.valkeystreams.core.cache.StreamsCaches;
import io.valkeystreams.core.connection.StreamsConnection;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import io.valkeystreams.core.consume.HandlerRegistry;
import io.valkeystreams.spring.StreamCatalogCustomizer;
import io.valkeystreams.spring.StreamHandlerRegistrar;
import io.valkeystreams.spring.StreamHandlerRegistration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the Valkey cache: {@link StreamsCaches} on the application's
 * {@link StreamsConnection} (the platform caches plus {@code valkey.streams.cache.caches}), a Spring
 * {@link CacheManager} over them, the event {@link CacheInvalidator} with the default mapping, and
 * Micrometer cache meters when Micrometer is present. Runs before Spring Boot's own cache
 * auto-configuration, so this cache manager is the one {@code @Cacheable} uses.
 */
@AutoConfiguration(afterName = "io.valkeystreams.spring.StreamsAutoConfiguration",
        beforeName = "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration")
@ConditionalOnBean(StreamsConnection.class)
@ConditionalOnProperty(prefix = "valkey.streams.cache", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(StreamsCacheProperties.class)
public final class StreamsCacheAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CacheStatistics valkeyStreamsCacheStatistics() {
        return new CacheStatistics();
    }

    @Bean
    @ConditionalOnMissingBean
    StreamsCaches valkeyStreamsCaches(StreamsConnection connection, StreamsCacheProperties properties,
                                      ObjectProvider<CacheListener> listeners, ObjectProvider<CacheCodec> codec,
                                      BeanFactory beanFactory) {
        StreamsCaches.Builder builder = StreamsCaches.builder(connection)
                .codec(codec.getIfAvailable(() -> JacksonCacheCodec.typed(trustedPackages(properties, beanFactory))));
        listeners.orderedStream().forEach(builder::listener);
        if (properties.getNearCache().isEnabled()) {
            builder.nearCache(NearCacheOptions.enabled(properties.getNearCache().getMaxEntries()));
        }
        return PropertiesDefinitions.apply(builder, properties.getCaches()).build();
    }

    @Bean
    @ConditionalOnMissingBean(CacheManager.class)
    StreamsCacheManager cacheManager(StreamsCaches caches) {
        return new StreamsCacheManager(caches);
    }

    @Bean
    @ConditionalOnMissingBean
    InvalidationMapping valkeyStreamsInvalidationMapping() {
        return InvalidationMapping.defaults();
    }

    @Bean
    @ConditionalOnMissingBean
    CacheInvalidator valkeyStreamsCacheInvalidator(StreamsCaches caches, InvalidationMapping mapping) {
        return new CacheInvalidator(caches, mapping);
    }

    /** The consumer group that applies event-driven invalidation. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "valkey.streams.cache.invalidation", name = "enabled", matchIfMissing = true)
    static class InvalidationConsumerConfiguration {

        @Bean
        StreamCatalogCustomizer valkeyStreamsCacheInvalidationGroup(InvalidationMapping mapping) {
            return catalog -> mapping.streams().forEach(stream -> catalog.addGroups(stream,
                    CacheInvalidator.CONSUMER_GROUP));
        }

        @Bean
        StreamHandlerRegistrar valkeyStreamsCacheInvalidationHandlers(InvalidationMapping mapping,
                                                                      CacheInvalidator invalidator) {
            return () -> mapping.streams().stream()
                    .map(stream -> new StreamHandlerRegistration(stream, CacheInvalidator.CONSUMER_GROUP,
                            HandlerRegistry.builder().onAny((entry, delivery) -> invalidator.invalidate(entry)).build()))
                    .toList();
        }
    }

    private static List<String> trustedPackages(StreamsCacheProperties properties, BeanFactory beanFactory) {
        List<String> packages = new ArrayList<>(properties.getTrustedPackages());
        if (AutoConfigurationPackages.has(beanFactory)) {
            packages.addAll(AutoConfigurationPackages.get(beanFactory));
        }
        return packages;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.cache.CacheMeterBinder")
    static class CacheMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        StreamsCacheMetrics valkeyStreamsCacheMetrics(CacheStatistics statistics, StreamsCaches caches) {
            return new StreamsCacheMetrics(statistics, caches.caches().stream().map(StreamsCache::name).toList(),
                    List.of());
        }
    }
}
