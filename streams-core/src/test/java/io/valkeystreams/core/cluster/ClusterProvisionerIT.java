package io.valkeystreams.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valkeystreams.core.admin.ProvisionReport;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.admin.WrongKeyTypeException;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ClusterNode;
import io.valkeystreams.test.ValkeyCluster;
import io.valkeystreams.test.ValkeyClusterTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyClusterTest
class ClusterProvisionerIT {

    private static final int PLATFORM_GROUPS = 83;

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
    void everyKeyIsCreatedWithExactlyTheSeedGroupsOnTheMasterItsSlotNames(ValkeyCluster cluster) {
        assertThat(connection.isCluster()).isTrue();

        ProvisionReport report = new Provisioner(connection).provision(catalog);

        assertThat(report.createdKeys()).hasSize(29);
        assertThat(report.createdGroups()).hasSize(PLATFORM_GROUPS);
        assertThat(report.existingKeys()).isEmpty();
        assertThat(report.existingGroups()).isEmpty();
        assertThat(keysPerMaster(cluster).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(29);
        assertThat(connection.sync().dbsize()).as("DBSIZE summed by Lettuce over the masters").isEqualTo(29);
        for (StreamDefinition definition : catalog.streams()) {
            for (StreamKey key : definition.keys()) {
                ClusterNode master = cluster.masterFor(key.key());
                assertThat(master.call("TYPE", key.key())).as(key.key() + " on " + master).isEqualTo("stream");
                assertThat(master.call("XLEN", key.key())).as(key.key()).isEqualTo(0L);
                assertThat(groupsOf(key.key())).as(key.key()).isEqualTo(new TreeSet<>(definition.groups()));
            }
        }
        assertThat(RoutingErrors.counted(cluster)).as("MOVED, ASK or CROSSSLOT replies").isEmpty();
    }

    @Test
    void partitionKeysSpreadOverSeveralMasters(ValkeyCluster cluster) {
        new Provisioner(connection).provision(catalog);

        Set<ClusterNode> reputationShards = catalog.require("reputation.events").keys().stream()
                .map(key -> cluster.masterFor(key.key())).collect(Collectors.toSet());
        assertThat(reputationShards).hasSizeGreaterThan(1);
        assertThat(keysPerMaster(cluster)).hasSize(3).allSatisfy((master, keys) -> assertThat(keys).isPositive());
    }

    @Test
    void runningAgainChangesNothing(ValkeyCluster cluster) {
        Provisioner provisioner = new Provisioner(connection);
        provisioner.provision(catalog);

        ProvisionReport second = provisioner.provision(catalog);

        assertThat(second.unchanged()).isTrue();
        assertThat(second.existingKeys()).hasSize(29);
        assertThat(second.existingGroups()).hasSize(PLATFORM_GROUPS);
        assertThat(keysPerMaster(cluster).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(29);
        assertThat(RoutingErrors.counted(cluster)).as("MOVED, ASK or CROSSSLOT replies").isEmpty();
    }

    @Test
    void fourInstancesAtOnceCreateEachGroupExactlyOnce(ValkeyCluster cluster) throws Exception {
        int instances = 4;
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ProvisionReport>> reports = new ArrayList<>();
        try {
            for (int i = 0; i < instances; i++) {
                reports.add(pool.submit(() -> {
                    try (StreamsConnection own = StreamsConnection.connect(cluster.url())) {
                        start.await();
                        return new Provisioner(own).provision(catalog);
                    }
                }));
            }
            start.countDown();
            int createdGroups = 0;
            for (Future<ProvisionReport> report : reports) {
                createdGroups += report.get().createdGroups().size();
            }
            assertThat(createdGroups).isEqualTo(PLATFORM_GROUPS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(catalog.keys()).allSatisfy(key -> assertThat(connection.sync().xlen(key.key())).isZero());
    }

    @Test
    void aWrongTypeKeyFailsNamingKeyAndTypeAndNothingIsCreated(ValkeyCluster cluster) {
        cluster.masterFor("verification.events:1").call("SET", "verification.events:1", "oops");

        assertThatThrownBy(() -> new Provisioner(connection).provision(catalog))
                .isInstanceOf(WrongKeyTypeException.class)
                .hasMessageContaining("key 'verification.events:1' holds a string, not a stream");
        assertThat(keysPerMaster(cluster).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
    }

    private static Map<ClusterNode, Long> keysPerMaster(ValkeyCluster cluster) {
        Map<ClusterNode, Long> sizes = new HashMap<>();
        cluster.masters().forEach(master -> sizes.put(master, (Long) master.call("DBSIZE")));
        return sizes;
    }

    private TreeSet<String> groupsOf(String key) {
        return connection.sync().xinfoGroups(key).stream()
                .map(raw -> {
                    List<?> fields = (List<?>) raw;
                    assertThat(fields.get(fields.indexOf("last-delivered-id") + 1)).as(key).isEqualTo("0-0");
                    return String.valueOf(fields.get(fields.indexOf("name") + 1));
                })
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
