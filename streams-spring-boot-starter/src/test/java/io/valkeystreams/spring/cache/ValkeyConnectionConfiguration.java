package io.valkeystreams.spring.cache;

import io.valkeystreams.core.connection.StreamsConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Stands in for the starter's connection auto-configuration: a connection to {@code test.valkey.url}. */
@Configuration(proxyBeanMethods = false)
class ValkeyConnectionConfiguration {

    static final String URL_PROPERTY = "test.valkey.url";

    @Bean(destroyMethod = "close")
    StreamsConnection streamsConnection(Environment environment) {
        return StreamsConnection.connect(environment.getRequiredProperty(URL_PROPERTY));
    }
}
