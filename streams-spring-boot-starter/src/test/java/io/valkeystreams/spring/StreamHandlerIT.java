package io.valkeystreams.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.ModeTransitionEvent;
import io.valkeystreams.core.events.ModeTransitionPublisher;
import io.valkeystreams.core.events.ReputationEvent;
import io.valkeystreams.core.events.ReputationEventPublisher;
import io.valkeystreams.core.wire.Envelope;
import io.valkeystreams.spring.consume.StreamContainers;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

@ValkeyTest
class StreamHandlerIT {

    static class Handlers {
        final List<String> reputation = new CopyOnWriteArrayList<>();
        final List<String> transitions = new CopyOnWriteArrayList<>();
        final List<String> raw = new CopyOnWriteArrayList<>();
        final List<Long> deliveries = new CopyOnWriteArrayList<>();

        @StreamHandler(stream = "reputation.events", group = "reputation_calculator")
        void onReputation(ReputationEvent event, Delivery delivery) {
            reputation.add(event.userId() + ":" + event.impactScore() + "@" + delivery.key().key());
            deliveries.add(delivery.deliveryCount());
        }

        @StreamHandler(stream = "user.mode.transitions", group = "notification_service")
        void onTransition(ModeTransitionEvent event) {
            transitions.add(event.userId() + "->" + event.toMode() + ":" + event.requiresReverification());
        }

        @StreamHandler(stream = "reputation.events", group = "analytics_service")
        void everything(Envelope envelope) {
            raw.add(envelope.eventType());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HandlerConfig {
        @Bean
        Handlers handlers() {
            return new Handlers();
        }
    }

    @Test
    void handlerMethodsReceiveTypedEventsAndTheirMetadata(ValkeyServer server) {
        StarterContexts.on(server.url()).withUserConfiguration(HandlerConfig.class).run(context -> {
            assertThat(context).hasNotFailed();
            context.getBean(ReputationEventPublisher.class).publishReputationChange("user-1", "exchange_completed", 2.5,
                    null, null, null);
            context.getBean(ModeTransitionPublisher.class).publishModeTransition("user-2", "individual", "neighborhood", null);
            Handlers handlers = context.getBean(Handlers.class);

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(handlers.reputation).containsExactly("user-1:2.5@reputation.events:4");
                assertThat(handlers.transitions).containsExactly("user-2->neighborhood:true");
                assertThat(handlers.raw).containsExactly("exchange_completed");
            });
            assertThat(handlers.deliveries).containsExactly(1L);
            assertThat(context.getBean(StreamContainers.class).containers()).containsOnlyKeys(
                    "reputation.events/reputation_calculator", "user.mode.transitions/notification_service",
                    "reputation.events/analytics_service");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(context.getBean(PrometheusMeterRegistry.class).scrape()).contains(
                            "valkey_streams_handler_seconds_count{group=\"reputation_calculator\",outcome=\"success\",stream=\"reputation.events\"} 1"));
        });
    }

    @Test
    void whenTheContextClosesThenContainersStop(ValkeyServer server) {
        StreamContainers[] containers = new StreamContainers[1];
        StarterContexts.on(server.url()).withUserConfiguration(HandlerConfig.class).run(context -> {
            containers[0] = context.getBean(StreamContainers.class);
            assertThat(containers[0].isRunning()).isTrue();
        });
        assertThat(containers[0].isRunning()).isFalse();
        assertThat(containers[0].containers().values()).allSatisfy(c -> assertThat(c.isRunning()).isFalse());
    }

    static class ReturnsValue {
        @StreamHandler(stream = "reputation.events", group = "reputation_calculator")
        String wrong(ReputationEvent event) {
            return "x";
        }
    }

    static class DeliveryFirst {
        @StreamHandler(stream = "reputation.events", group = "reputation_calculator")
        void wrong(Delivery delivery, ReputationEvent event) {
        }
    }

    static class UnknownStream {
        @StreamHandler(stream = "reputation.event", group = "reputation_calculator")
        void wrong(ReputationEvent event) {
        }
    }

    static class UnknownGroup {
        @StreamHandler(stream = "reputation.events", group = "billing")
        void wrong(ReputationEvent event) {
        }
    }

    static class TwoHandlersForOneType {
        @StreamHandler(stream = "reputation.events", group = "reputation_calculator", eventType = "x")
        void first(ReputationEvent event) {
        }

        @StreamHandler(stream = "reputation.events", group = "reputation_calculator", eventType = "x")
        void second(ReputationEvent event) {
        }
    }

    @Test
    void badHandlerDeclarationsFailStartUpNamingTheMethod(ValkeyServer server) {
        assertStartUpFails(server, ReturnsValue.class, "ReturnsValue.wrong must return void");
        assertStartUpFails(server, DeliveryFirst.class, "DeliveryFirst.wrong must take (Event) or (Event, Delivery)");
        assertStartUpFails(server, UnknownStream.class, "UnknownStream.wrong: unknown stream 'reputation.event'");
        assertStartUpFails(server, UnknownGroup.class, "UnknownGroup.wrong: stream 'reputation.events' has no group 'billing'");
        assertStartUpFails(server, TwoHandlersForOneType.class, "both handle event type 'x'");
    }

    private void assertStartUpFails(ValkeyServer server, Class<?> beanType, String message) {
        StarterContexts.on(server.url()).withBean(beanType).run(context -> {
            assertThat(context).hasFailed();
            assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
                    .isInstanceOf(BeanInitializationException.class).hasMessageContaining(message);
        });
    }
}
