package io.valkeystreams.core.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.core.wire.EncodedEvent;
import io.valkeystreams.core.wire.JacksonEventCodec;
import io.valkeystreams.core.wire.WireFields;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRoundTripTest {

    private final JacksonEventCodec codec = new JacksonEventCodec();

    @Test
    void everyShippedEventTypeSurvivesTheWireFormatExactly() {
        List<Object> events = List.of(
                ReputationEvent.of("user-1", "exchange_completed", -7.125, "group-1", "ex-1", "swap \"quoted\" ü"),
                ModeTransitionEvent.of("user-1", "individual", "neighborhood", null),
                new UserBehaviorEvent("hash", "page_view", "navigation",
                        Map.of("screen", "home", "nested", Map.of("a", List.of(1, 2)), "flag", true), "s", "web"),
                new VerificationEvent("user-1", VerificationEvent.FAILED, "address", "rejected", null, "blurry photo"),
                new GroupActivityEvent("group-42", "food_shared", null, Map.of("dish", "soup", "servings", 4)),
                new BusinessEvent("refund_issued", null, new BigDecimal("-12.50"), "EUR", Map.of("order", "o-1")),
                new PlatformMetricEvent("api", "latency_ms", 0.001, "ms", Map.of("route", "/x")));

        for (Object event : events) {
            EncodedEvent encoded = codec.encode(event);
            Map<String, String> entry = new HashMap<>(encoded.fields());
            entry.put(WireFields.EVENT_TYPE, encoded.eventType());
            entry.put(WireFields.EVENT_ID, "e");
            entry.put(WireFields.PRIORITY, "high");

            Object decoded = codec.decode(entry, event.getClass());

            assertThat(decoded).as(event.getClass().getSimpleName()).isEqualTo(event);
        }
    }
}
