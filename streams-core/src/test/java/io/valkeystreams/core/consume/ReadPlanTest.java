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
    void standaloneReadsEveryPartitionKeyWithOneReader() {
        List<List<StreamKey>> reads = ReadPlan.ALL_KEYS_AT_ONCE.reads(reputation.keys());

        assertThat(reads).containsExactly(reputation.keys());
    }

    @Test
    void aClusterGetsOneReaderPerNodeServingEveryKeyOfThatNodeOnce() {
        ReadPlan plan = ReadPlan.byNode(ReadPlanTest::threeMasters);

        List<List<StreamKey>> reads = plan.reads(reputation.keys());

        assertThat(reads.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(reputation.keys());
        assertThat(reads).hasSizeLessThanOrEqualTo(3).allSatisfy(read -> {
            assertThat(read).isNotEmpty();
            assertThat(read.stream().map(key -> threeMasters(key.key())).distinct()).hasSize(1);
        });
    }

    private static String threeMasters(String key) {
        int slot = SlotHash.getSlot(key);
        return slot < 5461 ? "a" : slot < 10923 ? "b" : "c";
    }
}
