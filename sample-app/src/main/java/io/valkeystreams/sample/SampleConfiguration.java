package io.valkeystreams.sample;

import io.valkeystreams.core.events.UserHasher;
import io.valkeystreams.spring.StreamsProperties;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans of the sample service. */
@Configuration(proxyBeanMethods = false)
class SampleConfiguration {

    @Bean
    UserHasher userHasher(StreamsProperties properties) {
        return new UserHasher(properties.getAnalytics().getUserHashSecret().getBytes(StandardCharsets.UTF_8));
    }
}
