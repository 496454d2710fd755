package io.valkeystreams.sample;

import io.valkeystreams.core.events.UserHasher;
import io.valkeystreams.sample.metrics.AlertRules;
import io.valkeystreams.spring.StreamsProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans of the sample service. Caching is on: the reputation read goes through the {@code reputation_scores}
 * cache of whichever {@code CacheManager} the context has.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
@EnableConfigurationProperties(AlertRules.class)
class SampleConfiguration {

    @Bean
    UserHasher userHasher(StreamsProperties properties) {
        return new UserHasher(properties.getAnalytics().getUserHashSecret().getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    Clock sampleClock() {
        return Clock.systemUTC();
    }
}
