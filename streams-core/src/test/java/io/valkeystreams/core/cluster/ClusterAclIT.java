package io.valkeystreams.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.core.admin.AclRules;
import io.valkeystreams.core.admin.AclUsers;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.admin.RetentionTrimmer;
import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.admin.TrimMode;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.test.ClusterNode;
import io.valkeystreams.test.ValkeyCluster;
import io.valkeystreams.test.ValkeyClusterTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ValkeyClusterTest
class ClusterAclIT {

    private static final String USER = "streams-cluster-app";

    private final StreamCatalog catalog = StreamCatalog.platform();

    @Test
    void aUserWithTheClusterRulesOnEveryNodeProvisionsPublishesTrimsAndReadsStatus(ValkeyCluster cluster) {
        String line = AclRules.of(catalog).forCluster().setUserCommand(USER);
        try {
            for (ClusterNode node : cluster.nodes()) {
                AclUsers.create(node::call, line);
                node.call("ACL", "LOG", "RESET");
            }
            String url = cluster.url().replace("redis-cluster://",
                    "redis-cluster://" + USER + ":" + AclUsers.PASSWORD + "@");

            try (StreamsConnection connection = StreamsConnection.connect(url);
                 Publisher publisher = Publisher.builder(connection, catalog).build()) {
                assertThat(new Provisioner(connection).provision(catalog).createdKeys()).hasSize(29);
                for (StreamDefinition stream : catalog.streams()) {
                    publisher.publish(stream.name(), "user-1", Map.of("event_type", "acl_check"));
                }
                new RetentionTrimmer(connection).trim(catalog, TrimMode.APPROXIMATE);
                List<StreamStatus> status = new StatusReader(connection).read(catalog);

                assertThat(status).hasSize(7).allSatisfy(stream -> assertThat(stream.partitions().stream()
                        .mapToLong(StreamStatus.PartitionStatus::length).sum()).isEqualTo(1));
            }
            for (ClusterNode node : cluster.nodes()) {
                assertThat(AclUsers.refusals(node::call, USER)).as("refused on " + node).isSubsetOf("command:info");
            }
        } finally {
            cluster.nodes().forEach(node -> node.call("ACL", "DELUSER", USER));
        }
    }
}
