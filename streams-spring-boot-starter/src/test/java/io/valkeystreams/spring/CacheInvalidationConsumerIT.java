package io.valkeystreams.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.events.ModeTransitionPublisher;
import io.valkeystreams.core.events.ReputationEventPublisher;
import io.valkeystreams.spring.cache.StreamsCacheAutoConfiguration;
import io.valkeystreams.spring.consume.StreamContainers;
import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.cache.CacheManager;

@ValkeyTest
class CacheInvalidationConsumerIT {

    @Test
    void aReputationEventEvictsThatUsersCachedScoreThroughItsOwnConsumerGroup(ValkeyServer server) {
        SpawnedValkeyServer valkey = (SpawnedValkeyServer) server;
        StarterContexts.on(server.url())
                .withConfiguration(AutoConfigurations.of(StreamsCacheAutoConfiguration.class))
                .withPropertyValues("valkey.streams.consumer.block-timeout=200ms")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    StreamCatalog catalog = context.getBean(StreamCatalog.class);
                    assertThat(catalog.require("reputation.events").groups()).contains("cache_invalidator");
                    assertThat(catalog.require("user.mode.transitions").groups()).contains("cache_invalidator");
                    assertThat(context.getBean(StreamContainers.class).containers())
                            .containsKeys("reputation.events/cache_invalidator", "user.mode.transitions/cache_invalidator");

                    CacheManager caches = context.getBean(CacheManager.class);
                    caches.getCache("reputation_scores").put("user-1", 10.0);
                    caches.getCache("reputation_scores").put("user-2", 20.0);
                    caches.getCache("user_profiles").put("user-3", "profile");
                    assertThat(valkey.call("EXISTS", "rep:user-1")).isEqualTo(1L);

                    context.getBean(ReputationEventPublisher.class).publishReputationChange("user-1", "review", 1, null,
                            null, null);
                    context.getBean(ModeTransitionPublisher.class).publishModeTransition("user-3", "individual", "group",
                            null);

                    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                        assertThat(valkey.call("EXISTS", "rep:user-1")).isEqualTo(0L);
                        assertThat(valkey.call("EXISTS", "user:user-3")).isEqualTo(0L);
                    });
                    assertThat(valkey.call("EXISTS", "rep:user-2")).isEqualTo(1L);
                });
    }

    @Test
    void whenInvalidationIsOffThenNoGroupIsAdded(ValkeyServer server) {
        StarterContexts.on(server.url())
                .withConfiguration(AutoConfigurations.of(StreamsCacheAutoConfiguration.class))
                .withPropertyValues("valkey.streams.cache.invalidation.enabled=false")
                .run(context -> assertThat(context.getBean(StreamCatalog.class).require("reputation.events").groups())
                        .doesNotContain("cache_invalidator"));
    }
}
