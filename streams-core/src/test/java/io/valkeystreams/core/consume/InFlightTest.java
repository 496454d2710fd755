package io.valkeystreams.core.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InFlightTest {

    private final InFlight inFlight = new InFlight();
    private final Object reader = new Object();

    @Test
    void anEntryDeliveredSinceAnOpenReadStartedMayBeInItsReply() {
        inFlight.readStarted(reader);

        assertThat(inFlight.mayBeUnread(Duration.ZERO)).isTrue();
        assertThat(inFlight.mayBeUnread(Duration.ofSeconds(10))).as("delivered before the read was sent").isFalse();
    }

    @Test
    void withoutAnOpenReadNoEntryIsTakenForUnread() {
        assertThat(inFlight.mayBeUnread(Duration.ZERO)).isFalse();
        inFlight.readStarted(reader);
        inFlight.readEnded(reader);

        assertThat(inFlight.mayBeUnread(Duration.ZERO)).isFalse();
    }
}
