package io.valkeystreams.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.events.ReputationEvent;
import io.valkeystreams.core.publish.PublishRequest;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import io.valkeystreams.test.ValkeyCluster;
import io.valkeystreams.test.ValkeyClusterTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyClusterTest
class ClusterPublisherIT {

    private StreamsConnection connection;
    private Publisher publisher;

    @BeforeEach
    void connect(ValkeyCluster cluster) {
        connection = StreamsConnection.connect(cluster.url());
        publisher = Publisher.builder(connection, StreamCatalog.platform()).build();
        RoutingErrors.reset(cluster);
    }

    @AfterEach
    void close() {
        publisher.close();
        connection.close();
    }

    @Test
    void singleAsynchronousAndBatchPublishesReachTheShardOfTheirPartitionKeyDirectly(ValkeyCluster cluster)
            throws Exception {
        List<PublishResult> results = new ArrayList<>();
        List<PublishRequest> batch = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ReputationEvent event = ReputationEvent.of("user-" + i, "rated", 1, null, null, "n° " + i);
            results.add(publisher.publish("reputation.events", event.userId(), event));
            results.add(publisher.publishAsync("reputation.events", event.userId(), event).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS));
            batch.add(PublishRequest.of("reputation.events", event.userId(), event));
        }
        results.addAll(publisher.publishAll(batch));

        assertThat(results).extracting(PublishResult::partition).containsAll(List.of(0, 1, 2, 3, 4, 5, 6, 7));
        for (PublishResult result : results) {
            List<StreamMessage<String, String>> entry = connection.sync().xrange(result.key().key(),
                    Range.create(result.entryId(), result.entryId()));
            assertThat(entry).hasSize(1);
            assertThat(entry.get(0).getBody()).containsEntry("event_id", result.eventId())
                    .containsEntry("partition", Integer.toString(result.partition()));
        }
        assertThat(RoutingErrors.counted(cluster)).as("MOVED, ASK or CROSSSLOT replies").isEmpty();
    }
}
