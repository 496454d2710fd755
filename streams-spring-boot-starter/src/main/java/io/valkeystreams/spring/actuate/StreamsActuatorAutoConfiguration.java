package io.valkeystreams.spring.actuate;

import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.deadletter.DeadLetters;
import io.valkeystreams.core.metrics.LagMonitor;
import io.valkeystreams.spring.StoppedContainers;
import io.valkeystreams.spring.StreamsAutoConfiguration;
import io.valkeystreams.spring.StreamsProperties;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health indicator, meters and the {@code streams} actuator endpoint, each when its library is present. */
@AutoConfiguration(after = StreamsAutoConfiguration.class)
@ConditionalOnBean(LagMonitor.class)
public final class StreamsActuatorAutoConfiguration {

    /** The {@code streams} health indicator. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("streams")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "streamsHealthIndicator")
        StreamsHealthIndicator streamsHealthIndicator(StreamsConnection connection, LagMonitor monitor,
                                                      StreamsProperties properties,
                                                      ObjectProvider<StoppedContainers> stoppedContainers) {
            LagThresholds thresholds = new LagThresholds(properties.getLag().getThreshold(),
                    properties.getLag().getThresholds());
            return new StreamsHealthIndicator(connection, monitor, thresholds,
                    () -> stoppedContainers.orderedStream().map(StoppedContainers::stopped)
                            .reduce(Map.of(), StreamsActuatorAutoConfiguration::merge));
        }
    }

    /** The Micrometer meters. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        StreamsMeterBinder streamsMeterBinder(StreamCatalog catalog, LagMonitor monitor) {
            return new StreamsMeterBinder(catalog, monitor);
        }
    }

    /** The {@code streams} endpoint. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    @ConditionalOnAvailableEndpoint(StreamsEndpoint.class)
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        StreamsEndpoint streamsEndpoint(StatusReader reader, StreamCatalog catalog, DeadLetters deadLetters,
                                        StreamsProperties properties) {
            return new StreamsEndpoint(reader, catalog, deadLetters, properties.getEndpoint().isReplayEnabled());
        }
    }

    private static Map<String, String> merge(Map<String, String> left, Map<String, String> right) {
        if (left.isEmpty()) {
            return right;
        }
        java.util.Map<String, String> merged = new java.util.TreeMap<>(left);
        merged.putAll(right);
        return merged;
    }
}
