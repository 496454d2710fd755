package io.valkeystreams.sample.reputation;

import io.valkeystreams.core.events.ReputationEvent;
import io.valkeystreams.core.wire.EventDecodingException;
import io.valkeystreams.sample.state.Units;

/** The impact score of a reputation event in score units, or a decoding error (dead-lettered at once, never retried). */
final class ImpactUnits {

    private ImpactUnits() {
    }

    static long of(ReputationEvent event) {
        try {
            return Units.of("impact_score", event.impactScore());
        } catch (IllegalArgumentException e) {
            throw new EventDecodingException("reputation event of user " + event.userId() + ": " + e.getMessage(), e);
        }
    }
}
