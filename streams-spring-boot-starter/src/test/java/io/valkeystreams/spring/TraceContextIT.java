package io.valkeystreams.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.ReputationEvent;
import io.valkeystreams.core.events.ReputationEventPublisher;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.spring.observation.StreamsObservationAutoConfiguration;
import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ValkeyTest
class TraceContextIT {

    static class TracedHandler {
        final List<String> traceIds = new CopyOnWriteArrayList<>();
        private final ObjectProvider<Tracer> tracer;

        TracedHandler(ObjectProvider<Tracer> tracer) {
            this.tracer = tracer;
        }

        @StreamHandler(stream = "reputation.events", group = "reputation_calculator")
        void handle(ReputationEvent event, Delivery delivery) {
            Span current = tracer.getObject().currentSpan();
            traceIds.add(current == null ? "none" : current.context().traceId());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HandlerConfig {
        @Bean
        TracedHandler tracedHandler(ObjectProvider<Tracer> tracer) {
            return new TracedHandler(tracer);
        }
    }

    @Test
    void theTraceOfAPublishContinuesInTheHandler(ValkeyServer server) {
        StarterContexts.on(server.url())
                .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                        MicrometerTracingAutoConfiguration.class, BraveAutoConfiguration.class,
                        StreamsObservationAutoConfiguration.class))
                .withPropertyValues("management.tracing.sampling.probability=1.0")
                .withUserConfiguration(HandlerConfig.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Tracer tracer = context.getBean(Tracer.class);
                    Span span = tracer.nextSpan().name("checkout").start();
                    PublishResult result;
                    try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                        result = context.getBean(ReputationEventPublisher.class)
                                .publishReputationChange("user-1", "exchange_completed", 1, null, null, null);
                    } finally {
                        span.end();
                    }
                    String traceId = span.context().traceId();

                    @SuppressWarnings("unchecked")
                    List<Object> entry = (List<Object>) ((List<Object>) ((SpawnedValkeyServer) server).call("XRANGE",
                            result.key().key(), result.entryId(), result.entryId())).get(0);
                    String fields = entry.get(1).toString();
                    assertThat(fields).containsPattern("traceparent, 00-" + traceId + "-[0-9a-f]{16}-01");

                    TracedHandler handler = context.getBean(TracedHandler.class);
                    await().atMost(Duration.ofSeconds(15)).until(() -> !handler.traceIds.isEmpty());
                    assertThat(handler.traceIds).containsExactly(traceId);
                });
    }

    @Test
    void withoutTracingNothingIsAddedAndHandlersStillRun(ValkeyServer server) {
        StarterContexts.on(server.url()).withUserConfiguration(HandlerConfig.class).run(context -> {
            PublishResult result = context.getBean(ReputationEventPublisher.class)
                    .publishReputationChange("user-1", "exchange_completed", 1, null, null, null);
            @SuppressWarnings("unchecked")
            List<Object> entry = (List<Object>) ((List<Object>) ((SpawnedValkeyServer) server).call("XRANGE",
                    result.key().key(), result.entryId(), result.entryId())).get(0);
            assertThat(entry.get(1).toString()).doesNotContain("traceparent");
        });
    }
}
