package io.valkeystreams.core.publish;

import io.lettuce.core.XAddArgs;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import java.util.Map;

/** A validated, encoded event ready for {@code XADD}. */
record PreparedEntry(StreamDefinition stream, StreamKey key, String eventId, Map<String, String> fields,
                     XAddArgs args) {

    PublishResult resultFor(String entryId) {
        return new PublishResult(key, entryId, eventId);
    }
}
