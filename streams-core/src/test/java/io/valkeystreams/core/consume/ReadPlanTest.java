package io.valkeystreams.core.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.cluster.SlotHash;
import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadPlanTest {

    private final StreamDefinition reputation = PlatformStreams.all().get(0);

    @Test
    void standaloneReadsEveryPartitionKeyInOneCall() {
        List<List<StreamKey>> reads = ReadPlan.forDeployment(false).reads(reputation.keys());

        assertThat(reads).containsExactly(reputation.keys());
    }

    @Test
    void aClusterReadsEachSlotSeparatelyAndEveryKeyOnce() {
        List<List<StreamKey>> reads = ReadPlan.forDeployment(true).reads(reputation.keys());

        assertThat(reads.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(reputation.keys());
        for (List<StreamKey> read : reads) {
            assertThat(read).isNotEmpty();
            assertThat(read.stream().map(key -> SlotHash.getSlot(key.key())).distinct()).hasSize(1);
        }
        assertThat(reads).hasSize(8);
    }
}
