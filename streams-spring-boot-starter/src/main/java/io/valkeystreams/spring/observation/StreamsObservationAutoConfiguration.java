package io.valkeystreams.spring.observation;

import io.micrometer.observation.ObservationRegistry;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.spring.StreamsAutoConfiguration;
import io.valkeystreams.spring.consume.HandlerInvoker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Observations of publishing and handling (Micrometer Observation API): with tracing present, the
 * publisher's trace context travels in {@code traceparent} and each handler call continues it.
 */
@AutoConfiguration(before = StreamsAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnProperty(prefix = "valkey.streams.observation", name = "enabled", matchIfMissing = true)
public final class StreamsObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ObservationRegistry.class)
    HandlerInvoker streamsObservedHandlerInvoker(ObservationRegistry registry) {
        return new ObservedHandlerInvoker(registry);
    }

    @Bean
    static BeanPostProcessor streamsObservedPublisherPostProcessor(ObjectProvider<ObservationRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof Publisher publisher) || bean instanceof ObservedPublisher) {
                    return bean;
                }
                ObservationRegistry observations = registry.getIfAvailable();
                return observations == null || observations.isNoop() ? bean
                        : new ObservedPublisher(publisher, observations);
            }
        };
    }
}
