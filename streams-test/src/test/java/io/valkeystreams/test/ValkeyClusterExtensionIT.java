package io.valkeystreams.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineTestKit;

class ValkeyClusterExtensionIT {

    static final List<String> urls = new CopyOnWriteArrayList<>();
    static final List<ValkeyCluster> clusters = new CopyOnWriteArrayList<>();

    @Test
    void eachTestGetsEmptyMastersAndAClusterWithAKilledNodeIsReplaced() {
        urls.clear();
        clusters.clear();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Scenario.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(urls).hasSize(3);
        assertThat(urls.get(1)).isEqualTo(urls.get(0));
        assertThat(urls.get(2)).isNotEqualTo(urls.get(0));
        assertThat(clusters).allSatisfy(cluster -> assertThat(cluster.nodes())
                .noneMatch(ClusterNode::isRunning));
    }

    @ValkeyClusterTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Scenario {

        @Test
        @Order(1)
        void writesKeysOnEveryMaster(ValkeyCluster cluster) {
            urls.add(cluster.url());
            clusters.add(cluster);
            for (int i = 0; i < 30; i++) {
                cluster.masterFor("k" + i).call("SET", "k" + i, "left-over");
            }
        }

        @Test
        @Order(2)
        void seesEveryMasterEmptyThenKillsOne(ValkeyCluster cluster) {
            urls.add(cluster.url());
            assertThat(cluster.masters()).hasSize(3)
                    .allSatisfy(master -> assertThat(master.call("DBSIZE")).isEqualTo(0L));
            cluster.kill(cluster.masters().get(0));
        }

        @Test
        @Order(3)
        void getsAHealthyClusterAgain(ValkeyCluster cluster) {
            urls.add(cluster.url());
            clusters.add(cluster);
            assertThat(cluster.isHealthy()).isTrue();
            assertThat(cluster.masters()).hasSize(3);
        }
    }
}
