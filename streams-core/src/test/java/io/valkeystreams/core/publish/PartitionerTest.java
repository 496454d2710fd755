package io.valkeystreams.core.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import org.junit.jupiter.api.Test;

class PartitionerTest {

    private final StreamDefinition reputation = StreamCatalog.platform().require("reputation.events");

    @Test
    void theContractsTestVectorsHold() {
        assertThat(Partitioner.partitionOf("user-1", 8)).isEqualTo(4);
        assertThat(Partitioner.partitionOf("group-42", 8)).isEqualTo(1);
        assertThat(Partitioner.partitionOf("héllo", 8)).isEqualTo(6);
    }

    @Test
    void theSameKeyAlwaysLandsInTheSamePartition() {
        Partitioner partitioner = new Partitioner();
        int first = partitioner.partition(reputation, "user-77");
        for (int i = 0; i < 100; i++) {
            assertThat(partitioner.partition(reputation, "user-77")).isEqualTo(first);
        }
    }

    @Test
    void keylessEventsSpreadEvenly() {
        Partitioner partitioner = new Partitioner();
        int[] counts = new int[8];
        for (int i = 0; i < 800; i++) {
            counts[partitioner.partition(reputation, null)]++;
        }
        assertThat(counts).containsOnly(100);
    }

    @Test
    void aBlankKeyIsRefused() {
        assertThatThrownBy(() -> new Partitioner().partition(reputation, "  "))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("partition key for stream 'reputation.events' is blank");
    }
}
