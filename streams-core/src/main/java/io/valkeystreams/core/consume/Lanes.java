package io.valkeystreams.core.consume;

import io.lettuce.core.StreamMessage;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where read entries go to be handled: one serial lane per partition key. */
interface Lanes {

    /** Queues entries of one partition key; they must already be registered in {@link InFlight}. */
    void submit(StreamKey key, List<Work> work);

    /** Stops taking queued entries: they stay pending at the server, for this or another consumer to take over. */
    void abort();

    /** Whether {@link #abort()} was called. */
    boolean isAborted();

    /**
     * Registers freshly read entries (first deliveries) in {@link InFlight} and queues them per key.
     *
     * @return how many entries were read
     */
    static int dispatch(List<StreamMessage<String, String>> messages, Map<String, StreamKey> byName, InFlight inFlight,
                        Lanes lanes) {
        if (messages == null || messages.isEmpty()) {
            return 0;
        }
        Map<StreamKey, List<Work>> byKey = new LinkedHashMap<>();
        for (StreamMessage<String, String> message : messages) {
            StreamKey key = byName.get(message.getStream());
            if (key == null) {
                throw new StreamsException("XREADGROUP returned an entry of key '" + message.getStream()
                        + "', which this reader did not ask for");
            }
            if (inFlight.add(key, message.getId())) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(Work.of(key, message, 1));
            }
        }
        byKey.forEach(lanes::submit);
        return messages.size();
    }
}
