package io.valkeystreams.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailedEntryTest {

    @Test
    void theErrorIsTheExceptionClassAndMessage() {
        assertThat(FailedEntry.describe(new IllegalStateException("boom"))).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(FailedEntry.describe(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void missingPartsAreNamed() {
        StreamKey key = new StreamKey("s", 0, "s");
        assertThatThrownBy(() -> new FailedEntry(key, "1-0", " ", Map.of(), 1, "e", Instant.EPOCH))
                .isInstanceOf(StreamsException.class).hasMessageContaining("group must not be blank");
        assertThatThrownBy(() -> new FailedEntry(key, "1-0", "g", Map.of(), 1, "", Instant.EPOCH))
                .hasMessageContaining("error must not be blank");
        assertThatThrownBy(() -> new FailedEntry(key, null, "g", Map.of(), 1, "e", Instant.EPOCH))
                .hasMessageContaining("entryId must not be blank");
    }
}
