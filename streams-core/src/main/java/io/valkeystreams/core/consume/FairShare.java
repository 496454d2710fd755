package io.valkeystreams.core.consume;

import io.valkeystreams.core.catalog.StreamKey;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which partitions a member of a group should hold in ordered mode: the live members, in name order, take
 * the partitions in turn, starting at an offset drawn from the stream and group names (so that the first
 * partitions of different groups do not all land on the same member). Every member computes the same answer
 * from the same member list, so they agree without talking to each other.
 */
final class FairShare {

    private FairShare() {
    }

    /**
     * The keys {@code me} should hold.
     *
     * @param members the live members in name order
     * @param salt    stream and group, such as {@code reputation.events/reputation_calculator}
     */
    static Set<StreamKey> of(List<StreamKey> keys, List<String> members, String me, String salt) {
        int index = members.indexOf(me);
        Set<StreamKey> mine = new LinkedHashSet<>();
        if (index < 0) {
            return mine;
        }
        int offset = Math.floorMod(salt.hashCode(), members.size());
        for (int i = 0; i < keys.size(); i++) {
            if ((i + offset) % members.size() == index) {
                mine.add(keys.get(i));
            }
        }
        return mine;
    }
}
