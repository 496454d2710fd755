package io.valkeystreams.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static Map<String, String> entry() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("user_id", "u1");
        fields.put("event_type", "rated");
        fields.put("partition", "3");
        return fields;
    }

    @Test
    void parseCopiesTheFieldsSoLaterChangesDoNotShow() {
        Map<String, String> fields = entry();
        Envelope envelope = Envelope.parse(fields);
        fields.put("late", "x");

        assertThat(envelope.fields()).doesNotContainKey("late").containsEntry("user_id", "u1");
        assertThat(envelope.partition()).isEqualTo(3);
    }

    @Test
    void adoptKeepsTheCallersMapBehindAnUnmodifiableViewAndReadsTheSameMetadata() {
        Map<String, String> fields = entry();
        Envelope adopted = Envelope.adopt(fields);

        assertThat(adopted).usingRecursiveComparison().isEqualTo(Envelope.parse(fields));
        assertThatThrownBy(() -> adopted.fields().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Envelope.adopt(Map.of("user_id", "u")))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("event_type");
    }
}
