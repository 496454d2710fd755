package io.valkeystreams.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.ContainerTestSupport;
import io.valkeystreams.core.consume.HandlerRegistry;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.test.ClusterNode;
import io.valkeystreams.test.ValkeyCluster;
import io.valkeystreams.test.ValkeyClusterTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consumers pointed at a real three-master cluster: every stream and group, no routing error, one reader per master. */
@ValkeyClusterTest
class ClusterConsumerIT {

    private static final int EVENTS_PER_PARTITION = 3;

    private final StreamCatalog catalog = StreamCatalog.platform();
    private final List<ConsumerContainer> containers = new ArrayList<>();
    private StreamsConnection connection;

    @BeforeEach
    void connect(ValkeyCluster cluster) {
        connection = StreamsConnection.connect(cluster.url());
    }

    @AfterEach
    void close() {
        containers.forEach(ConsumerContainer::stop);
        connection.close();
    }

    @Test
    void everyEventOfAllSevenStreamsReachesEveryGroupWithoutARoutingErrorAndOneReaderPerMaster(ValkeyCluster cluster) {
        new Provisioner(connection).provision(catalog);
        Set<ClusterNode> shards = catalog.keys().stream().map(key -> cluster.masterFor(key.key())).collect(Collectors.toSet());
        assertThat(shards).as("masters holding the 29 partition keys").hasSize(3);
        RoutingErrors.reset(cluster);
        Map<String, Set<String>> published = new HashMap<>();
        try (Publisher publisher = Publisher.builder(connection, catalog).build()) {
            for (StreamDefinition definition : catalog.streams()) {
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < definition.partitions() * EVENTS_PER_PARTITION; i++) {
                    PublishResult result = publisher.publish(definition.name(), null, Map.of("event_type", "generic",
                            "n", Integer.toString(i)));
                    ids.add(result.eventId());
                }
                published.put(definition.name(), ids);
            }
        }
        Map<String, Set<String>> seen = new ConcurrentHashMap<>();
        for (StreamDefinition definition : catalog.streams()) {
            for (String group : definition.groups()) {
                Set<String> ids = seen.computeIfAbsent(definition.name() + "/" + group, k -> ConcurrentHashMap.newKeySet());
                ConsumerContainer container = ConsumerContainer.builder(connection, definition, group)
                        .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> ids.add(envelope.eventId())).build())
                        .options(ContainerTestSupport.fast().recoveryInterval(Duration.ofMillis(200))
                                .takeoverAfter(Duration.ofSeconds(1)).partitionConcurrency(2).build())
                        .build();
                containers.add(container);
                container.start();
            }
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (StreamDefinition definition : catalog.streams()) {
                for (String group : definition.groups()) {
                    assertThat(seen.get(definition.name() + "/" + group)).as(definition.name() + "/" + group)
                            .isEqualTo(published.get(definition.name()));
                }
            }
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (StreamDefinition definition : catalog.streams()) {
                for (String group : definition.groups()) {
                    for (StreamKey key : definition.keys()) {
                        assertThat(connection.sync().xpending(key.key(), group).getCount()).as(key + "/" + group).isZero();
                    }
                }
            }
        });
        Map<String, Long> readersPerContainer = Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName).filter(name -> name.startsWith("valkey-streams-reader-reputation.events-"))
                .collect(Collectors.groupingBy(name -> name.substring(0, name.lastIndexOf('-')), Collectors.counting()));
        assertThat(readersPerContainer).as("reader threads of the three reputation.events containers (8 partitions)")
                .hasSize(3).allSatisfy((container, readers) -> assertThat(readers).isEqualTo(3));
        assertThat(RoutingErrors.counted(cluster)).as("MOVED, ASK or CROSSSLOT replies").isEmpty();
    }
}
