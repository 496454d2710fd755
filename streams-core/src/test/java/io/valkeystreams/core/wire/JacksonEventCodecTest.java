package io.valkeystreams.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JacksonEventCodecTest {

    enum Mode { INDIVIDUAL, NEIGHBORHOOD }

    record Location(double lat, double lon) {
    }

    record Sample(String userId, String eventType, double impactScore, long count, boolean flagged, Boolean maybe,
                  String description, Map<String, Object> properties, List<String> tags, Location location,
                  Instant at, Mode mode, UUID ref, BigDecimal amount, String jsonLooking) {
    }

    @EventType("mode_transition")
    record Annotated(String userId) {
    }

    record PlainName(String userId) {
    }

    record Clashing(String userId, long timestamp) {
    }

    private final JacksonEventCodec codec = new JacksonEventCodec();

    @Test
    void fieldsAreSnakeCaseTextWithNullsOmittedAndTheRoundTripIsExact() {
        Sample sample = new Sample("user-1", "exchange_completed", 7.25, 12_345_678_901L, true, null, null,
                Map.of("screen", "home", "n", 3), List.of("a", "b"), new Location(52.5, 13.4),
                Instant.parse("2026-12-04T10:15:30.123Z"), Mode.NEIGHBORHOOD,
                UUID.fromString("7d3f0c1e-6b1a-4c6e-9a43-2d5f1f2b9a10"), new BigDecimal("19.990"), "{\"not\":\"parsed\"}");

        EncodedEvent encoded = codec.encode(sample);

        assertThat(encoded.eventType()).isEqualTo("exchange_completed");
        assertThat(encoded.fields()).containsEntry("user_id", "user-1")
                .containsEntry("impact_score", "7.25")
                .containsEntry("count", "12345678901")
                .containsEntry("flagged", "true")
                .containsEntry("tags", "[\"a\",\"b\"]")
                .containsEntry("location", "{\"lat\":52.5,\"lon\":13.4}")
                .containsEntry("mode", "NEIGHBORHOOD")
                .containsEntry("amount", "19.990")
                .containsEntry("json_looking", "{\"not\":\"parsed\"}")
                .doesNotContainKeys("maybe", "description", "event_type");
        assertThat(encoded.fields().keySet()).startsWith("user_id", "impact_score");

        Map<String, String> entry = new HashMap<>(encoded.fields());
        entry.put(WireFields.EVENT_TYPE, encoded.eventType());
        entry.put(WireFields.TIMESTAMP, "1764843330");
        assertThat(codec.decode(entry, Sample.class)).isEqualTo(sample);
    }

    @Test
    void wholeNumbersInDoublesAreWrittenPlainly() {
        assertThat(codec.encode(new Location(5.0, 1e10)).fields())
                .containsEntry("lat", "5").containsEntry("lon", "10000000000");
    }

    @Test
    void theEventTypeComesFromTheAnnotationOrTheClassName() {
        assertThat(codec.encode(new Annotated("u")).eventType()).isEqualTo("mode_transition");
        assertThat(codec.encode(new PlainName("u")).eventType()).isEqualTo("plain_name");
    }

    @Test
    void nanAndInfinityAreRefusedNamingTheField() {
        assertThatThrownBy(() -> codec.encode(new Location(Double.NaN, 1)))
                .isInstanceOf(EventEncodingException.class)
                .hasMessageContaining("field 'lat' of Location is NaN");
        assertThatThrownBy(() -> codec.encode(new Location(1, Double.NEGATIVE_INFINITY)))
                .isInstanceOf(EventEncodingException.class)
                .hasMessageContaining("field 'lon' of Location is -Infinity");
    }

    @Test
    void aFieldThatCollidesWithMetadataIsRefused() {
        assertThatThrownBy(() -> codec.encode(new Clashing("u", 1)))
                .isInstanceOf(EventEncodingException.class)
                .hasMessageContaining("field 'timestamp' of Clashing collides with the metadata field");
    }

    @Test
    void nullAndScalarEventsAreRefused() {
        assertThatThrownBy(() -> codec.encode(null)).isInstanceOf(EventEncodingException.class)
                .hasMessageContaining("must not be null");
        assertThatThrownBy(() -> codec.encode("text")).isInstanceOf(EventEncodingException.class)
                .hasMessageContaining("must be an object");
    }

    @Test
    void entriesThatDoNotFitTheTypeNameTheField() {
        assertThatThrownBy(() -> codec.decode(Map.of("lat", "north", "lon", "1"), Location.class))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("Location")
                .hasMessageContaining("lat");
        assertThatThrownBy(() -> codec.decode(Map.of("location", "{broken"), Sample.class))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("field 'location' of Sample must hold JSON text");
    }

    @Test
    void envelopesRequireAnEventType() {
        assertThatThrownBy(() -> Envelope.parse(Map.of("user_id", "u")))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("no event_type");
        assertThatThrownBy(() -> Envelope.parse(Map.of("event_type", "x", "partition", "two")))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("'partition' must be an integer");
        Envelope envelope = Envelope.parse(Map.of("event_type", "x", "partition", "3", "event_id", "e1"));
        assertThat(envelope.partition()).isEqualTo(3);
        assertThat(envelope.eventId()).isEqualTo("e1");
    }
}
