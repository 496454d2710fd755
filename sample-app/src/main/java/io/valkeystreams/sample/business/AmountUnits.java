package io.valkeystreams.sample.business;

import io.valkeystreams.core.events.BusinessEvent;
import io.valkeystreams.core.wire.EventDecodingException;
import io.valkeystreams.sample.state.Units;

/** The amount of a business event in units, or a decoding error (dead-lettered at once, never retried). */
final class AmountUnits {

    private AmountUnits() {
    }

    static long of(BusinessEvent event) {
        try {
            return Units.of("amount", event.amount());
        } catch (IllegalArgumentException e) {
            throw new EventDecodingException("business event " + event.eventType() + ": " + e.getMessage(), e);
        }
    }
}
