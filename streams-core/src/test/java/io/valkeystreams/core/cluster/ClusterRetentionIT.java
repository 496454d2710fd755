package io.valkeystreams.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.XAddArgs;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.admin.RetentionTrimmer;
import io.valkeystreams.core.admin.TrimMode;
import io.valkeystreams.core.admin.TrimReport;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ClusterNode;
import io.valkeystreams.test.ValkeyCluster;
import io.valkeystreams.test.ValkeyClusterTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyClusterTest
class ClusterRetentionIT {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final StreamCatalog catalog = StreamCatalog.platform();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private StreamsConnection connection;

    @BeforeEach
    void connect(ValkeyCluster cluster) {
        connection = StreamsConnection.connect(cluster.url());
        new Provisioner(connection).provision(catalog);
        RoutingErrors.reset(cluster);
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void exactTrimmingRemovesOldEntriesAndKeepsYoungOnesOnEveryShard(ValkeyCluster cluster) {
        // group.mode.activities keeps 7 days; take one of its partitions per master
        Map<ClusterNode, String> keyPerMaster = new LinkedHashMap<>();
        for (StreamKey key : catalog.require("group.mode.activities").keys()) {
            keyPerMaster.putIfAbsent(cluster.masterFor(key.key()), key.key());
        }
        assertThat(keyPerMaster).as("group.mode.activities partitions on distinct masters").hasSizeGreaterThan(1);
        List<String> keys = new ArrayList<>(keyPerMaster.values());
        for (String key : keys) {
            addAt(key, NOW.minus(Duration.ofDays(8)), "old");
            addAt(key, NOW.minus(Duration.ofDays(6)), "young");
        }
        addAt("group.mode.activities:dlq", NOW.minus(Duration.ofDays(8)), "old-dead");
        // reputation.events keeps 365 days: an 8-day-old entry stays
        addAt("reputation.events:5", NOW.minus(Duration.ofDays(8)), "kept");

        TrimReport report = new RetentionTrimmer(connection, clock).trim(catalog, TrimMode.EXACT);

        assertThat(report.totalRemoved()).isEqualTo(keys.size() + 1);
        assertThat(report.keys()).hasSize(29 + 7);
        for (String key : keys) {
            assertThat(connection.sync().xrange(key, Range.create("-", "+")))
                    .as(key).extracting(m -> m.getBody().get("v")).containsExactly("young");
        }
        assertThat(connection.sync().xlen("group.mode.activities:dlq")).isZero();
        assertThat(connection.sync().xlen("reputation.events:5")).isEqualTo(1);
        assertThat(RoutingErrors.counted(cluster)).as("MOVED, ASK or CROSSSLOT replies").isEmpty();
    }

    private void addAt(String key, Instant at, String value) {
        connection.sync().xadd(key, new XAddArgs().id(at.toEpochMilli() + "-*"), Map.of("v", value));
    }
}
