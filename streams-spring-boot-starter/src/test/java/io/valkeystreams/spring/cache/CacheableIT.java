package io.valkeystreams.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.valkeystreams.core.cache.CacheInvalidator;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.events.ModeTransitionPublisher;
import io.valkeystreams.core.events.ReputationEventPublisher;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.core.wire.Envelope;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ValkeyTest
@SpringBootTest(classes = CacheableIT.Application.class)
@DirtiesContext
class CacheableIT {

    private static String url;

    @Autowired
    private ReputationService service;
    @Autowired
    private StreamsConnection connection;
    @Autowired
    private CacheInvalidator invalidator;
    @Autowired
    private CacheManager cacheManager;
    @Autowired
    private MeterRegistry registry;

    @BeforeAll
    static void server(ValkeyServer server) {
        url = server.url();
    }

    @DynamicPropertySource
    static void valkey(DynamicPropertyRegistry properties) {
        properties.add(ValkeyConnectionConfiguration.URL_PROPERTY, () -> url);
    }

    @BeforeEach
    void reset() {
        service.resetComputations();
    }

    @Test
    void cacheableMethodsComputeOnceAndStoreUnderTheSeedsKeyAndTtl() {
        ReputationScore first = service.score("user-1");
        ReputationScore second = service.score("user-1");

        assertThat(second).isEqualTo(first).isEqualTo(new ReputationScore("user-1", 10.0, "trusted"));
        assertThat(service.computations()).isEqualTo(1);
        assertThat(cacheManager).isInstanceOf(StreamsCacheManager.class);
        assertThat(connection.sync().get("rep:user-1")).contains("\"user_id\":\"user-1\"");
        assertThat(connection.sync().pttl("rep:user-1")).isCloseTo(300_000L, within(2_000L));
    }

    @Test
    void scalarResultsKeepTheirType() {
        assertThat(service.activity("group-42")).isEqualTo(42L);
        assertThat(service.activity("group-42")).isEqualTo(42L);
        assertThat(service.computations()).isEqualTo(1);
        assertThat(connection.sync().pttl("group:group-42")).isCloseTo(900_000L, within(2_000L));
    }

    @Test
    void cacheEvictRemovesTheEntry() {
        service.score("user-2");
        service.forget("user-2");
        service.score("user-2");
        assertThat(service.computations()).isEqualTo(2);
    }

    @Test
    void aReputationEventInvalidatesTheCachedScore() {
        service.score("user-3");
        service.profile("user-3");
        try (Publisher publisher = Publisher.builder(connection, StreamCatalog.platform()).build()) {
            PublishResult event = new ReputationEventPublisher(publisher)
                    .publishReputationChange("user-3", "exchange_completed", 6.0, null, null, null);
            invalidator.invalidate(Envelope.parse(entry(event)));
        }

        service.score("user-3");
        service.profile("user-3");
        assertThat(service.computations()).as("score computed again, profile still cached").isEqualTo(3);
    }

    @Test
    void aModeTransitionInvalidatesTheCachedProfile() {
        service.profile("user-4");
        try (Publisher publisher = Publisher.builder(connection, StreamCatalog.platform()).build()) {
            PublishResult event = new ModeTransitionPublisher(publisher)
                    .publishModeTransition("user-4", "solo", "neighborhood", null);
            invalidator.invalidate(Envelope.parse(entry(event)));
        }

        assertThat(service.profile("user-4")).isEqualTo(Map.of("user_id", "user-4", "version", 2));
        assertThat(service.computations()).isEqualTo(2);
    }

    @Test
    void hitsAndMissesAreMeteredWithMicrometersCacheNames() {
        service.score("user-5");
        service.score("user-5");
        service.score("user-5");

        assertThat(registry.get("cache.gets").tags("cache", "reputation_scores", "result", "hit")
                .functionCounter().count()).isGreaterThanOrEqualTo(2);
        assertThat(registry).isInstanceOf(PrometheusMeterRegistry.class);
        assertThat(((PrometheusMeterRegistry) registry).scrape())
                .containsPattern("cache_gets_total\\{cache=\"reputation_scores\",result=\"hit\"} \\d+")
                .contains("cache_puts_total{cache=\"reputation_scores\"}")
                .contains("cache_evictions_total{cache=\"reputation_scores\"}")
                .contains("cache_load_total{cache=\"reputation_scores\",result=\"failure\"}")
                .contains("cache_load_duration_seconds{cache=\"reputation_scores\"}")
                .contains("cache_near_hits_total{cache=\"reputation_scores\"}");
    }

    private Map<String, String> entry(PublishResult result) {
        List<StreamMessage<String, String>> entries = connection.sync()
                .xrange(result.key().key(), Range.create(result.entryId(), result.entryId()));
        return entries.get(0).getBody();
    }

    record ReputationScore(String userId, double score, String trustLevel) {
    }

    static class ReputationService {

        private final AtomicInteger computations = new AtomicInteger();

        public int computations() {
            return computations.get();
        }

        public void resetComputations() {
            computations.set(0);
        }

        @Cacheable("reputation_scores")
        public ReputationScore score(String userId) {
            computations.incrementAndGet();
            return new ReputationScore(userId, 10.0, "trusted");
        }

        @CacheEvict("reputation_scores")
        public void forget(String userId) {
        }

        @Cacheable(cacheNames = "user_profiles", sync = true)
        public Map<String, Object> profile(String userId) {
            return Map.of("user_id", userId, "version", computations.incrementAndGet());
        }

        @Cacheable("group_activity")
        public Long activity(String groupId) {
            computations.incrementAndGet();
            return 42L;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableCaching
    @Import(ValkeyConnectionConfiguration.class)
    static class Application {

        @Bean
        ReputationService reputationService() {
            return new ReputationService();
        }
    }
}
