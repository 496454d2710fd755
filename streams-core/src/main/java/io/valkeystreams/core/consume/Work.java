package io.valkeystreams.core.consume;

import io.lettuce.core.StreamMessage;
import io.valkeystreams.core.catalog.StreamKey;
import java.util.Map;

/**
 * One entry to handle.
 *
 * @param key           its partition key
 * @param id            its entry ID
 * @param fields        its fields (empty when the entry no longer exists)
 * @param deliveryCount deliveries to the group, this one included
 * @param fencingToken  the token of the partition lease it was read under (ordered mode), else 0
 */
record Work(StreamKey key, String id, Map<String, String> fields, long deliveryCount, long fencingToken) {

    static Work of(StreamKey key, StreamMessage<String, String> message, long deliveryCount) {
        Map<String, String> body = message.getBody();
        return new Work(key, message.getId(), body == null ? Map.of() : body, deliveryCount, 0);
    }

    /** The same entry for its next attempt (a retry in place). */
    Work nextAttempt() {
        return new Work(key, id, fields, deliveryCount + 1, fencingToken);
    }
}
