package io.valkeystreams.spring;

import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.admin.RetentionScheduler;
import io.valkeystreams.core.admin.RetentionTrimmer;
import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.consume.ConsumerListener;
import io.valkeystreams.core.deadletter.DeadLetters;
import io.valkeystreams.core.events.AnalyticsEventPublisher;
import io.valkeystreams.core.events.BusinessEventPublisher;
import io.valkeystreams.core.events.GroupActivityPublisher;
import io.valkeystreams.core.events.ModeTransitionPublisher;
import io.valkeystreams.core.events.PlatformMetricsPublisher;
import io.valkeystreams.core.events.ReputationEventPublisher;
import io.valkeystreams.core.events.UserHasher;
import io.valkeystreams.core.events.VerificationEventPublisher;
import io.valkeystreams.core.metrics.LagMonitor;
import io.valkeystreams.core.publish.Durability;
import io.valkeystreams.core.publish.PublishListener;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.core.publish.PublisherOptions;
import io.valkeystreams.core.wire.EventCodec;
import io.valkeystreams.core.wire.JacksonEventCodec;
import io.valkeystreams.spring.consume.CompositeConsumerListener;
import io.valkeystreams.spring.consume.ConsumerOptionsResolver;
import io.valkeystreams.spring.consume.HandlerInvoker;
import io.valkeystreams.spring.consume.StreamContainers;
import io.valkeystreams.spring.consume.StreamHandlerDiscovery;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Auto-configuration of valkey-streams: the connection (from Spring Boot's Redis connection
 * factory, so {@code spring.data.redis.*} applies), the catalog, provisioning at start-up,
 * retention, status and lag collection, the publishers, the dead-letter tools, and one consumer
 * container per (stream, group) with {@link StreamHandler} methods. Every bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass(StreamsConnection.class)
@EnableConfigurationProperties(StreamsProperties.class)
public final class StreamsAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBean(LettuceConnectionFactory.class)
    StreamsConnection streamsConnection(LettuceConnectionFactory connectionFactory) {
        return StreamsConnection.using(connectionFactory.getRequiredNativeClient());
    }

    @Bean
    @ConditionalOnMissingBean
    StreamCatalog streamCatalog(StreamsProperties properties, ObjectProvider<StreamCatalogCustomizer> customizers) {
        return CatalogFactory.create(properties, customizers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec streamsEventCodec() {
        return new JacksonEventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StreamsConnection.class)
    Provisioner streamsProvisioner(StreamsConnection connection) {
        return new Provisioner(connection);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StreamsConnection.class)
    @ConditionalOnProperty(prefix = "valkey.streams", name = "provision", matchIfMissing = true)
    StreamsProvisioning streamsProvisioning(Provisioner provisioner, StreamCatalog catalog) {
        return new StreamsProvisioning(provisioner, catalog);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StreamsConnection.class)
    StatusReader streamsStatusReader(StreamsConnection connection) {
        return new StatusReader(connection);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBean(StreamsConnection.class)
    LagMonitor streamsLagMonitor(StatusReader reader, StreamCatalog catalog, StreamsProperties properties) {
        return new LagMonitor(reader, catalog, Clock.systemUTC()).start(properties.getLag().getInterval());
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBean(StreamsConnection.class)
    @ConditionalOnProperty(prefix = "valkey.streams.retention", name = "enabled", matchIfMissing = true)
    RetentionScheduler streamsRetentionScheduler(StreamsConnection connection, StreamCatalog catalog,
                                                 StreamsProperties properties) {
        return new RetentionScheduler(new RetentionTrimmer(connection), catalog,
                properties.getRetention().getInterval(), report -> { });
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBean(StreamsConnection.class)
    Publisher streamsPublisher(StreamsConnection connection, StreamCatalog catalog, EventCodec codec,
                               StreamsProperties properties, ObjectProvider<PublishListener> listeners) {
        StreamsProperties.Publisher settings = properties.getPublisher();
        Durability durability = settings.getWaitReplicas() > 0 || settings.isWaitAof()
                ? new Durability(settings.getWaitReplicas(), settings.isWaitAof(), settings.getWaitTimeout())
                : Durability.NONE;
        PublisherOptions options = PublisherOptions.builder()
                .maxInFlight(settings.getMaxInFlight())
                .overflowPolicy(settings.getOverflowPolicy())
                .overflowTimeout(settings.getOverflowTimeout())
                .maxPayloadBytes(settings.getMaxPayloadBytes())
                .durability(durability)
                .notifyHighPriority(settings.isNotifyHighPriority())
                .build();
        return Publisher.builder(connection, catalog).codec(codec).options(options)
                .listener(new CompositePublishListener(listeners.orderedStream().toList())).build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StreamsConnection.class)
    DeadLetters streamsDeadLetters(StreamsConnection connection, StreamCatalog catalog) {
        return DeadLetters.create(connection, catalog);
    }

    @Bean
    @ConditionalOnProperty(prefix = "valkey.streams.consumer", name = "enabled", matchIfMissing = true)
    static StreamHandlerDiscovery streamHandlerDiscovery() {
        return new StreamHandlerDiscovery();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({StreamsConnection.class, StreamHandlerDiscovery.class})
    StreamContainers streamContainers(StreamHandlerDiscovery discovery, StreamsConnection connection,
                                      StreamCatalog catalog, EventCodec codec, StreamsProperties properties,
                                      ObjectProvider<ConsumerListener> listeners,
                                      ObjectProvider<StreamHandlerRegistrar> registrars,
                                      ObjectProvider<HandlerInvoker> invoker) {
        return new StreamContainers(discovery,
                registrars.orderedStream().flatMap(registrar -> registrar.registrations().stream()).toList(), connection, catalog, codec,
                new CompositeConsumerListener(listeners.orderedStream().toList()),
                new ConsumerOptionsResolver(properties.getConsumer(), properties.getConsumer().getGroups()),
                invoker.getIfAvailable(() -> HandlerInvoker.DIRECT));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Publisher.class)
    ReputationEventPublisher reputationEventPublisher(Publisher publisher) {
        return new ReputationEventPublisher(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Publisher.class)
    ModeTransitionPublisher modeTransitionPublisher(Publisher publisher) {
        return new ModeTransitionPublisher(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Publisher.class)
    VerificationEventPublisher verificationEventPublisher(Publisher publisher) {
        return new VerificationEventPublisher(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Publisher.class)
    GroupActivityPublisher groupActivityPublisher(Publisher publisher) {
        return new GroupActivityPublisher(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Publisher.class)
    BusinessEventPublisher businessEventPublisher(Publisher publisher) {
        return new BusinessEventPublisher(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Publisher.class)
    PlatformMetricsPublisher platformMetricsPublisher(Publisher publisher) {
        return new PlatformMetricsPublisher(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(Publisher.class)
    @ConditionalOnProperty(prefix = "valkey.streams.analytics", name = "user-hash-secret")
    AnalyticsEventPublisher analyticsEventPublisher(Publisher publisher, StreamsProperties properties) {
        return new AnalyticsEventPublisher(publisher,
                new UserHasher(properties.getAnalytics().getUserHashSecret().getBytes(StandardCharsets.UTF_8)));
    }
}
