package io.valkeystreams.core.publish;

import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;

/** A validated event, encoded as the arguments of its {@code XADD}. */
record PreparedEntry(StreamDefinition stream, StreamKey key, String eventId, EncodedXAdd command) {

    PublishResult resultFor(String entryId) {
        return new PublishResult(key, entryId, eventId);
    }
}
