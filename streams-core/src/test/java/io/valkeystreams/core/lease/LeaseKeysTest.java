package io.valkeystreams.core.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.cluster.SlotHash;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamKey;
import org.junit.jupiter.api.Test;

class LeaseKeysTest {

    @Test
    void aLeaseKeyLivesInTheHashSlotOfItsPartitionKey() {
        for (StreamKey key : StreamCatalog.platform().keys()) {
            String lease = LeaseKeys.lease(key, "analytics_service");
            assertThat(lease).isEqualTo("{" + key.key() + "}:lease:analytics_service");
            assertThat(SlotHash.getSlot(lease)).as(lease).isEqualTo(SlotHash.getSlot(key.key()));
        }
    }

    @Test
    void theMembershipKeyNamesStreamAndGroup() {
        assertThat(LeaseKeys.members("reputation.events", "reputation_calculator"))
                .isEqualTo("reputation.events:members:reputation_calculator");
    }
}
