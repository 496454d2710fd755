package io.valkeystreams.spring;

import io.valkeystreams.spring.actuate.StreamsActuatorAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Context runners with the starter's auto-configurations on a given server. */
final class StarterContexts {

    private StarterContexts() {
    }

    static ApplicationContextRunner on(String url) {
        return withoutUrl().withPropertyValues("spring.data.redis.url=" + url);
    }

    /** A runner whose connection comes from other {@code spring.data.redis.*} properties (host, port, ssl …). */
    static ApplicationContextRunner withoutUrl() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, StreamsAutoConfiguration.class,
                        StreamsActuatorAutoConfiguration.class, MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, PrometheusMetricsExportAutoConfiguration.class))
                .withPropertyValues("valkey.streams.lag.interval=200ms");
    }
}
