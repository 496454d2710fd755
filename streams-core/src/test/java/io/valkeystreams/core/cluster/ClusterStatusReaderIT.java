package io.valkeystreams.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.XAddArgs;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ValkeyCluster;
import io.valkeystreams.test.ValkeyClusterTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyClusterTest
class ClusterStatusReaderIT {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final StreamCatalog catalog = StreamCatalog.platform();
    private StreamsConnection connection;

    @BeforeEach
    void connect(ValkeyCluster cluster) {
        connection = StreamsConnection.connect(cluster.url());
        RoutingErrors.reset(cluster);
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void beforeProvisioningEveryKeyIsReportedMissing(ValkeyCluster cluster) {
        List<StreamStatus> status = new StatusReader(connection).read(catalog);

        assertThat(status).hasSize(7);
        assertThat(status).flatMap(StreamStatus::partitions).hasSize(29)
                .allSatisfy(partition -> assertThat(partition.exists()).isFalse());
        assertThat(RoutingErrors.counted(cluster)).as("MOVED, ASK or CROSSSLOT replies").isEmpty();
    }

    @Test
    void everyPartitionOnEveryShardIsReadWithItsLengthGroupsAndLag(ValkeyCluster cluster) {
        new Provisioner(connection).provision(catalog);
        for (int p = 0; p < 8; p++) {
            for (int i = 0; i <= p; i++) {
                connection.sync().xadd("reputation.events:" + p,
                        new XAddArgs().id((NOW.toEpochMilli() - 5_000 + i) + "-0"), Map.of("event_type", "rated"));
            }
        }
        connection.sync().xadd("analytics.business.events:dlq", Map.of("dlq_group", "revenue_tracker"));

        List<StreamStatus> status = new StatusReader(connection, Clock.fixed(NOW, ZoneOffset.UTC)).read(catalog);

        assertThat(status).flatMap(StreamStatus::partitions).hasSize(29)
                .allSatisfy(partition -> assertThat(partition.exists()).as(partition.key()).isTrue());
        for (StreamStatus stream : status) {
            StreamDefinition definition = catalog.require(stream.stream());
            assertThat(stream.partitions()).allSatisfy(partition -> assertThat(partition.groups())
                    .extracting(StreamStatus.GroupStatus::group)
                    .as(partition.key()).containsExactlyInAnyOrderElementsOf(definition.groups()));
            assertThat(stream.deadLetters()).as(stream.stream())
                    .isEqualTo(stream.stream().equals("analytics.business.events") ? 1 : 0);
        }
        StreamStatus reputation = status.stream().filter(s -> s.stream().equals("reputation.events")).findFirst()
                .orElseThrow();
        for (StreamStatus.PartitionStatus partition : reputation.partitions()) {
            long expected = partition.partition() + 1;
            assertThat(partition.length()).as(partition.key()).isEqualTo(expected);
            assertThat(partition.groups()).allSatisfy(group -> {
                assertThat(group.lagEntries()).isEqualTo(expected);
                assertThat(group.lagSeconds()).isEqualTo(5.0);
                assertThat(group.pending()).isZero();
            });
        }
        assertThat(RoutingErrors.counted(cluster)).as("MOVED, ASK or CROSSSLOT replies").isEmpty();
    }
}
