package io.valkeystreams.sample.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.BusinessEvent;
import io.valkeystreams.core.events.ReputationEvent;
import io.valkeystreams.core.publish.Partitioner;
import io.valkeystreams.sample.business.RevenueTracker;
import io.valkeystreams.sample.state.StateSpace;
import io.valkeystreams.sample.state.StateStore;
import io.valkeystreams.test.ClusterNode;
import io.valkeystreams.test.ValkeyCluster;
import io.valkeystreams.test.ValkeyClusterTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The handlers' scripts on a real three-master Valkey Cluster through Spring Data Redis: every script's keys
 * share one hash slot (no CROSSSLOT), users spread over the masters, sums are exact and a second delivery of
 * each event changes nothing.
 */
@ValkeyClusterTest
class ReputationStateClusterIT {

    private static final StreamCatalog CATALOG = StreamCatalog.platform();

    private LettuceConnectionFactory factory;
    private StateStore store;

    @BeforeEach
    void connect(ValkeyCluster cluster) {
        List<String> nodes = cluster.masters().stream().map(node -> node.host() + ":" + node.port()).toList();
        factory = new LettuceConnectionFactory(new RedisClusterConfiguration(nodes));
        factory.afterPropertiesSet();
        factory.start();
        store = new StateStore(new StringRedisTemplate(factory), CATALOG, Clock.systemUTC());
    }

    @AfterEach
    void disconnect() {
        factory.destroy();
    }

    @Test
    void reputationAndTrustScriptsAddUpExactlyAcrossShardsAndIgnoreRedeliveries(ValkeyCluster cluster) {
        ReputationCalculator calculator = new ReputationCalculator(store, new ConcurrentMapCacheManager());
        TrustLevelUpdater trust = new TrustLevelUpdater(store);
        ReputationReader reader = new ReputationReader(store);
        Set<ClusterNode> shards = new HashSet<>();
        for (int user = 0; user < 6; user++) {
            String userId = "cluster-user-" + user;
            shards.add(cluster.masterFor("sample:{" + userId + "}:reputation:score"));
            for (String impact : List.of("0.1", "0.2", "12.25", "-0.0001")) {
                ReputationEvent event = ReputationEvent.of(userId, "exchange_completed", Double.parseDouble(impact),
                        null, null, null);
                Delivery first = delivery("reputation.events", userId, "reputation_calculator", 1);
                Delivery again = new Delivery(first.key(), first.group(), first.entryId(), 2, first.eventId(),
                        first.eventType());
                calculator.apply(event, first);
                calculator.apply(event, again);
                trust.apply(event, first);
                trust.apply(event, again);
            }
            ReputationView view = reader.read(userId);
            assertThat(view.score()).isEqualByComparingTo("12.5499");
            assertThat(view.events()).isEqualTo(4);
            assertThat(view.trustLevel()).isEqualTo("trusted");
            assertThat(trust.snapshot(userId)).containsEntry("trust_level", "trusted")
                    .containsEntry("score", new BigDecimal("12.5499"));
        }
        assertThat(shards).hasSizeGreaterThan(1);
    }

    @Test
    void theGenericApplyOnceScriptRunsInTheGroupsSlot() {
        RevenueTracker revenue = new RevenueTracker(store);
        for (String amount : List.of("9.99", "0.01", "100.005")) {
            BusinessEvent event = new BusinessEvent("purchase", "acct-1", new BigDecimal(amount), "EUR", null);
            Delivery delivery = delivery("analytics.business.events", "acct-1", "revenue_tracker", 1);
            revenue.apply(event, delivery);
            revenue.apply(event, new Delivery(delivery.key(), delivery.group(), delivery.entryId(), 2,
                    delivery.eventId(), delivery.eventType()));
        }
        assertThat(revenue.snapshot(null)).containsEntry("revenue", Map.of("EUR", new BigDecimal("110.005")));
        assertThat(store.stats(StateSpace.group("revenue_tracker")))
                .containsEntry("applied", 3L).containsEntry("duplicates", 3L);
    }

    private static Delivery delivery(String stream, String partitionKey, String group, long count) {
        StreamDefinition definition = CATALOG.require(stream);
        return new Delivery(definition.key(Partitioner.partitionOf(partitionKey, definition.partitions())), group,
                System.nanoTime() + "-0", count, UUID.randomUUID().toString(), "exchange_completed");
    }
}
