package io.valkeystreams.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.core.admin.WrongKeyTypeException;
import io.valkeystreams.core.catalog.CatalogException;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.events.AnalyticsEventPublisher;
import io.valkeystreams.core.events.ModeTransitionPublisher;
import io.valkeystreams.core.events.ReputationEventPublisher;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.test.SpawnedValkeyServer;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ValkeyTest
class StreamsAutoConfigurationIT {

    @Test
    void whenStartedThenTheCatalogIsProvisionedAndPublishersAreBeans(ValkeyServer server) {
        StarterContexts.on(server.url()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(StreamCatalog.class).streams()).hasSize(7);
            assertThat(context).hasSingleBean(Publisher.class).hasSingleBean(ReputationEventPublisher.class)
                    .hasSingleBean(ModeTransitionPublisher.class).doesNotHaveBean(AnalyticsEventPublisher.class);
            assertThat(context.getBean(StreamsProvisioning.class).report().createdKeys()).hasSize(29);
            PublishResult result = context.getBean(ReputationEventPublisher.class)
                    .publishReputationChange("user-1", "exchange_completed", 2, null, null, null);
            assertThat(result.key().key()).isEqualTo("reputation.events:4");
            assertThat(((SpawnedValkeyServer) server).call("XLEN", "reputation.events:4")).isEqualTo(1L);
        });
    }

    @Test
    void whenAUserHashSecretIsSetThenTheAnalyticsPublisherExists(ValkeyServer server) {
        StarterContexts.on(server.url())
                .withPropertyValues("valkey.streams.analytics.user-hash-secret=0123456789abcdef0123")
                .run(context -> assertThat(context).hasSingleBean(AnalyticsEventPublisher.class));
    }

    @Test
    void whenProvisioningIsOffThenNothingIsCreated(ValkeyServer server) {
        StarterContexts.on(server.url()).withPropertyValues("valkey.streams.provision=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(StreamsProvisioning.class);
            assertThat(((SpawnedValkeyServer) server).call("DBSIZE")).isEqualTo(0L);
        });
    }

    @Test
    void whenStreamsAndGroupsAreConfiguredThenTheyAreProvisioned(ValkeyServer server) {
        StarterContexts.on(server.url()).withPropertyValues(
                "valkey.streams.streams[orders.placed].partitions=3",
                "valkey.streams.streams[orders.placed].groups=billing,shipping",
                "valkey.streams.streams[orders.placed].retention=14d",
                "valkey.streams.extra-groups[reputation.events]=cache_invalidator").run(context -> {
                    StreamCatalog catalog = context.getBean(StreamCatalog.class);
                    assertThat(catalog.require("orders.placed").partitions()).isEqualTo(3);
                    assertThat(catalog.require("orders.placed").retention().toDays()).isEqualTo(14);
                    assertThat(catalog.require("reputation.events").groups()).contains("cache_invalidator");
                    assertThat(((SpawnedValkeyServer) server).call("EXISTS", "orders.placed:2")).isEqualTo(1L);
                });
    }

    @Test
    void whenAPlatformStreamIsRedefinedThenStartUpFailsAndIsExplained(ValkeyServer server) {
        StarterContexts.on(server.url()).withPropertyValues("valkey.streams.streams[reputation.events].partitions=16",
                "valkey.streams.streams[reputation.events].groups=x").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(CatalogException.class)
                            .hasMessageContaining("'reputation.events' is a platform stream");
                    FailureAnalysis analysis = new StreamsFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getAction()).contains("valkey.streams.streams");
                });
    }

    @Test
    void whenAKeyHasTheWrongTypeThenStartUpFailsNamingIt(ValkeyServer server) {
        ((SpawnedValkeyServer) server).call("SET", "verification.events:0", "x");
        StarterContexts.on(server.url()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(WrongKeyTypeException.class);
            FailureAnalysis analysis = new StreamsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("key 'verification.events:0' holds a string");
            assertThat(analysis.getAction()).contains("Rename or delete the key 'verification.events:0'");
        });
    }

    @Test
    void whenValkeyIsDownThenStartUpFailsWithAConnectionAdvice() {
        StarterContexts.on("redis://127.0.0.1:1").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new StreamsFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getAction()).contains("spring.data.redis");
        });
    }

    @Test
    void whenTheUserDefinesAPublisherThenOursBacksOff(ValkeyServer server) {
        StarterContexts.on(server.url()).withUserConfiguration(OwnPublisher.class).run(context -> {
            assertThat(context).hasSingleBean(Publisher.class);
            assertThat(context.getBean(Publisher.class)).isSameAs(context.getBean("ownPublisher"));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnPublisher {
        @Bean(destroyMethod = "close")
        Publisher ownPublisher(StreamsConnection connection, StreamCatalog catalog) {
            return Publisher.builder(connection, catalog).build();
        }
    }
}
