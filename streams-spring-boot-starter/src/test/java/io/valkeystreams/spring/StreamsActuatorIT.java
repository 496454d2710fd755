package io.valkeystreams.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.events.ReputationEventPublisher;
import io.valkeystreams.spring.actuate.StreamsEndpoint;
import io.valkeystreams.spring.actuate.StreamsHealthIndicator;
import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.ValkeyBinary;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

@ValkeyTest
class StreamsActuatorIT {

    @Test
    void prometheusHasLagSeriesForEveryPartitionAndGroupOfTheCatalog(ValkeyServer server) {
        StarterContexts.on(server.url()).run(context -> {
            context.getBean(ReputationEventPublisher.class).publishReputationChange("user-1", "x", 1, null, null, null);
            PrometheusMeterRegistry registry = context.getBean(PrometheusMeterRegistry.class);
            StreamCatalog catalog = context.getBean(StreamCatalog.class);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registry.scrape())
                    .contains("valkey_streams_group_lag_entries{group=\"analytics_service\",partition=\"4\",stream=\"reputation.events\"} 1.0"));
            String scrape = registry.scrape();
            for (StreamDefinition stream : catalog.streams()) {
                for (StreamKey key : stream.keys()) {
                    assertThat(scrape).contains("valkey_streams_length_entries{partition=\"" + key.partition()
                            + "\",stream=\"" + stream.name() + "\"}");
                    for (String group : stream.groups()) {
                        String tags = "{group=\"" + group + "\",partition=\"" + key.partition() + "\",stream=\""
                                + stream.name() + "\"}";
                        assertThat(scrape).contains("valkey_streams_group_lag_entries" + tags,
                                "valkey_streams_group_lag_seconds" + tags, "valkey_streams_group_pending_entries" + tags,
                                "valkey_streams_group_trimmed_unread_entries" + tags);
                    }
                }
            }
            assertThat(scrape).contains("valkey_streams_publish_seconds_count{stream=\"reputation.events\"} 1");
        });
    }

    @Test
    void theEndpointListsEveryStream(ValkeyServer server) {
        StarterContexts.on(server.url()).withPropertyValues("management.endpoints.web.exposure.include=streams")
                .run(context -> {
                    List<StreamStatus> streams = context.getBean(StreamsEndpoint.class).streams();
                    assertThat(streams).extracting(StreamStatus::stream).containsExactly("reputation.events",
                            "user.mode.transitions", "group.mode.activities", "verification.events",
                            "analytics.user.behavior", "analytics.business.events", "analytics.platform.metrics");
                    assertThat(streams).flatMap(StreamStatus::partitions).hasSize(29);
                });
    }

    @Test
    void healthIsDownWhileValkeyIsStoppedAndUpWhenItReturns() {
        try (SpawnedValkeyServer server = SpawnedValkeyServer.builder(ValkeyBinary.find().orElseThrow()).start()) {
            StarterContexts.on(server.url()).run(context -> {
                StreamsHealthIndicator health = context.getBean(StreamsHealthIndicator.class);
                assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);

                server.stop();
                assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);

                server.startProcess();
                await().atMost(Duration.ofSeconds(30)).until(() -> health.health(true).getStatus().equals(Status.UP));
            });
        }
    }

    @Test
    void aGroupLaggingPastItsThresholdDegradesHealth(ValkeyServer server) {
        StarterContexts.on(server.url()).withPropertyValues("valkey.streams.lag.threshold=30s").run(context -> {
            long old = Instant.now().minusSeconds(120).toEpochMilli();
            ((SpawnedValkeyServer) server).call("XADD", "user.mode.transitions", old + "-0", "event_type", "mode_transition");
            StreamsHealthIndicator health = context.getBean(StreamsHealthIndicator.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                var result = health.health(true);
                assertThat(result.getStatus()).isEqualTo(StreamsHealthIndicator.DEGRADED);
                assertThat(result.getDetails().get("lagging").toString())
                        .contains("user.mode.transitions/notification_service");
            });
        });
    }

    @Test
    void entriesTrimmedBeforeAGroupReadThemAreVisibleInHealthAndMetrics(ValkeyServer server) {
        StarterContexts.on(server.url()).withPropertyValues("valkey.streams.lag.threshold=1h").run(context -> {
            SpawnedValkeyServer valkey = (SpawnedValkeyServer) server;
            for (int i = 0; i < 10; i++) {
                valkey.call("XADD", "analytics.platform.metrics:1", "*", "event_type", "platform_metric");
            }
            valkey.call("XTRIM", "analytics.platform.metrics:1", "MAXLEN", "2");
            StreamsHealthIndicator health = context.getBean(StreamsHealthIndicator.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(String.valueOf(health.health(true).getDetails().get("trimmedBeforeRead")))
                            .contains("analytics.platform.metrics:1/alert_manager=8"));
            assertThat(context.getBean(PrometheusMeterRegistry.class).scrape()).contains(
                    "valkey_streams_group_trimmed_unread_entries{group=\"alert_manager\",partition=\"1\",stream=\"analytics.platform.metrics\"} 8.0");
        });
    }
}
