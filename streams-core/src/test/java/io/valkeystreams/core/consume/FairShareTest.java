package io.valkeystreams.core.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.catalog.StreamKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FairShareTest {

    private final List<StreamKey> keys = PlatformStreams.all().get(0).keys();
    private final List<String> members = List.of("a", "b", "c");

    @Test
    void theLiveMembersSplitThePartitionsEvenlyWithoutOverlap() {
        Set<StreamKey> union = new HashSet<>();
        int total = 0;
        for (String member : members) {
            Set<StreamKey> share = FairShare.of(keys, members, member, "reputation.events/g");
            assertThat(share.size()).isBetween(2, 3);
            union.addAll(share);
            total += share.size();
        }
        assertThat(total).isEqualTo(8);
        assertThat(union).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void everyMemberComputesTheSameAnswerAndANonMemberGetsNothing() {
        assertThat(FairShare.of(keys, members, "b", "s/g")).isEqualTo(FairShare.of(keys, List.copyOf(members), "b", "s/g"));
        assertThat(FairShare.of(keys, members, "z", "s/g")).isEmpty();
        assertThat(FairShare.of(keys, List.of("a"), "a", "s/g")).containsExactlyElementsOf(keys);
    }

    @Test
    void differentGroupsStartTheRoundAtDifferentMembers() {
        StreamKey single = keys.get(0);
        Set<String> holders = new HashSet<>();
        for (String group : List.of("g1", "g2", "g3", "g4", "g5", "g6")) {
            for (String member : members) {
                if (FairShare.of(List.of(single), members, member, "s/" + group).contains(single)) {
                    holders.add(member);
                }
            }
        }
        assertThat(holders).hasSizeGreaterThan(1);
    }
}
