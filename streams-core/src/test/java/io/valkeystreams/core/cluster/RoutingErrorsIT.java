package io.valkeystreams.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valkeystreams.test.ClusterNode;
import io.valkeystreams.test.ValkeyCluster;
import io.valkeystreams.test.ValkeyClusterTest;
import io.valkeystreams.test.ValkeyServerException;
import org.junit.jupiter.api.Test;

/** Shows that the routing check the other cluster tests rely on does see a misrouted command. */
@ValkeyClusterTest
class RoutingErrorsIT {

    @Test
    void aCommandSentToAMasterThatDoesNotServeItsKeyIsCounted(ValkeyCluster cluster) {
        RoutingErrors.reset(cluster);
        ClusterNode owner = cluster.masterFor("reputation.events:0");
        ClusterNode other = cluster.masters().stream().filter(master -> master != owner).findFirst().orElseThrow();

        assertThatThrownBy(() -> other.call("XLEN", "reputation.events:0"))
                .isInstanceOf(ValkeyServerException.class).hasMessageContaining("MOVED");

        assertThat(RoutingErrors.counted(cluster)).singleElement().asString()
                .startsWith(other + ": errorstat_MOVED:count=1");
    }
}
