package io.valkeystreams.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@ValkeyClusterTest
class ValkeyClusterIT {

    @Test
    void threeMastersServeEverySlotExactlyOnceAndEveryNodeSaysOk(ValkeyCluster cluster) {
        assertThat(cluster.nodes()).hasSize(3);
        assertThat(cluster.masters()).containsExactlyElementsOf(cluster.nodes());
        assertThat(cluster.replicas()).isEmpty();
        assertThat(cluster.url()).matches("redis-cluster://127\\.0\\.0\\.1:\\d+,127\\.0\\.0\\.1:\\d+,127\\.0\\.0\\.1:\\d+");
        Set<Long> nodePorts = new HashSet<>();
        cluster.nodes().forEach(node -> nodePorts.add((long) node.port()));
        for (ClusterNode node : cluster.nodes()) {
            assertThat((String) node.call("CLUSTER", "INFO"))
                    .contains("cluster_state:ok", "cluster_slots_ok:16384", "cluster_known_nodes:3");
            int[] servedBy = new int[SlotHash.SLOT_COUNT];
            Set<Long> servingPorts = new HashSet<>();
            for (Object range : (List<?>) node.call("CLUSTER", "SLOTS")) {
                List<?> fields = (List<?>) range;
                long port = (Long) ((List<?>) fields.get(2)).get(1);
                servingPorts.add(port);
                for (long slot = (Long) fields.get(0); slot <= (Long) fields.get(1); slot++) {
                    servedBy[(int) slot]++;
                }
            }
            assertThat(servedBy).as("slots served per " + node).containsOnly(1);
            assertThat(servingPorts).isEqualTo(nodePorts);
        }
    }

    @Test
    void keysRouteToTheMasterThatSlotHashNames(ValkeyCluster cluster) {
        List<String> keys = new ArrayList<>(List.of("", "héllo", "{user1}.a", "{user1}.b", "a{}b", "reputation.events:3"));
        IntStream.range(0, 200).forEach(i -> keys.add("key-" + i));
        ClusterNode asked = cluster.nodes().get(0);
        Set<ClusterNode> used = new HashSet<>();
        for (String key : keys) {
            assertThat(asked.call("CLUSTER", "KEYSLOT", key)).as(key).isEqualTo((long) SlotHash.slot(key));
            ClusterNode master = cluster.masterFor(key);
            assertThat(master.call("SET", key, "v")).as(key).isEqualTo("OK");
            used.add(master);
        }
        assertThat(used).hasSize(3);

        String key = "key-0";
        ClusterNode elsewhere = cluster.masters().stream().filter(m -> m != cluster.masterFor(key)).findFirst().orElseThrow();
        assertThatThrownBy(() -> elsewhere.call("GET", key))
                .isInstanceOf(ValkeyServerException.class)
                .hasMessageContaining("MOVED " + SlotHash.slot(key));
    }

    @Test
    void flushAllEmptiesEveryMaster(ValkeyCluster cluster) {
        IntStream.range(0, 30).mapToObj(i -> "k" + i).forEach(key -> cluster.masterFor(key).call("SET", key, "v"));
        assertThat(cluster.masters()).allSatisfy(master -> assertThat((Long) master.call("DBSIZE")).isPositive());

        cluster.flushAll();

        assertThat(cluster.masters()).allSatisfy(master -> assertThat(master.call("DBSIZE")).isEqualTo(0L));
    }

    @Test
    void waitingForTheFailoverOfANodeThatWasNotKilledSaysHowToUseIt(ValkeyCluster cluster) {
        ClusterNode master = cluster.masters().get(0);
        assertThatThrownBy(() -> cluster.awaitFailover(master))
                .isInstanceOf(ValkeyServerException.class)
                .hasMessageContaining(Integer.toString(master.port()))
                .hasMessageContaining("kill(node)");
    }

    @Test
    void aNodeThatCannotStartFailsTheClusterWithTheServersOwnWords() {
        assertThatThrownBy(() -> ValkeyCluster.builder().masters(1).args("--no-such-option", "1").start())
                .isInstanceOf(ValkeyServerException.class)
                .hasMessageContaining("on port")
                .hasMessageContaining("no-such-option");
    }

    @Test
    void badOptionsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> ValkeyCluster.builder().masters(0)).hasMessageContaining("masters must be at least 1");
        assertThatThrownBy(() -> ValkeyCluster.builder().replicasPerMaster(-1)).hasMessageContaining("replicasPerMaster");
    }
}
