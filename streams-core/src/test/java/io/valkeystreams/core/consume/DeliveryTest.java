package io.valkeystreams.core.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private final StreamKey key = new StreamKey("reputation.events", 4, "reputation.events:4");

    @Test
    void exposesStreamPartitionAndWhetherItIsARedelivery() {
        Delivery first = new Delivery(key, "g", "1-0", 1, "e-1", "t");
        Delivery retry = new Delivery(key, "g", "1-0", 3, "e-1", "t");

        assertThat(first.stream()).isEqualTo("reputation.events");
        assertThat(first.partition()).isEqualTo(4);
        assertThat(first.isRedelivery()).isFalse();
        assertThat(retry.isRedelivery()).isTrue();
    }

    @Test
    void invalidComponentsAreRefusedNamingThem() {
        assertThatThrownBy(() -> new Delivery(null, "g", "1-0", 1, null, "t"))
                .isInstanceOf(StreamsException.class).hasMessage("delivery: key must not be null");
        assertThatThrownBy(() -> new Delivery(key, "", "1-0", 1, null, "t"))
                .hasMessage("delivery of reputation.events:4: group must not be blank");
        assertThatThrownBy(() -> new Delivery(key, "g", "1-0", 0, null, "t"))
                .hasMessage("delivery of reputation.events:4 1-0: deliveryCount must be at least 1, was 0");
    }
}
