package io.valkeystreams.core.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.catalog.StreamDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightTest {

    private final InFlight inFlight = new InFlight();
    private final StreamKey key = StreamDefinition.builder("orders").partitions(2).groups("billing").build().key(1);

    @Test
    void anEntryLeftPendingIsRememberedUntilItIsClaimedAgain() {
        inFlight.add(key, "1-0");
        inFlight.leftPending(key, "1-0");
        inFlight.remove(key, List.of("1-0"));

        assertThat(inFlight.wasLeftPending(key, "1-0")).isTrue();
        assertThat(inFlight.add(key, "1-0")).isTrue();
        assertThat(inFlight.wasLeftPending(key, "1-0")).as("claimed again").isFalse();
    }

    @Test
    void anEntryThatWasNeverHandledHereWasNotLeftPending() {
        assertThat(inFlight.wasLeftPending(key, "2-0")).isFalse();
        inFlight.leftPending(key, "2-0");
        inFlight.forget(key, "2-0");

        assertThat(inFlight.wasLeftPending(key, "2-0")).isFalse();
    }
}
