package io.valkeystreams.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValkeyClusterFailoverIT {

    @Test
    void whenAMasterIsKilledItsReplicaIsPromotedAndServesItsKeys() {
        try (ValkeyCluster cluster = ValkeyCluster.builder().replicasPerMaster(1).start()) {
            assertThat(cluster.nodes()).hasSize(6);
            assertThat(cluster.masters()).hasSize(3);
            assertThat(cluster.replicas()).hasSize(3);
            String key = "survivor";
            ClusterNode master = cluster.masterFor(key);
            ClusterNode replica = cluster.replicasOf(master).get(0);
            master.call("SET", key, "kept");
            assertThat(master.call("WAIT", "1", "5000")).as("replicas that acknowledged the write").isEqualTo(1L);

            cluster.kill(master);
            ClusterNode promoted = cluster.awaitFailover(master);

            assertThat(master.isRunning()).isFalse();
            assertThat(promoted).isSameAs(replica);
            assertThat(promoted.role()).isEqualTo(ClusterNode.Role.MASTER);
            assertThat(cluster.masterFor(key)).isSameAs(promoted);
            assertThat(promoted.call("GET", key)).isEqualTo("kept");
            assertThat(cluster.masters()).hasSize(3).doesNotContain(master);
            assertThat(cluster.nodes()).filteredOn(ClusterNode::isRunning).allSatisfy(node ->
                    assertThat((String) node.call("CLUSTER", "INFO")).contains("cluster_state:ok"));
        }
    }
}
