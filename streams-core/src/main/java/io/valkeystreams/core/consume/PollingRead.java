package io.valkeystreams.core.consume;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.valkeystreams.core.catalog.StreamKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads keys that cannot share one command — on a cluster, every partition key has its own hash slot and
 * a multi-key {@code XREADGROUP} across slots is a CROSSSLOT error — without a blocked connection per key.
 * Each round pipelines one non-blocking {@code XREADGROUP … COUNT n STREAMS k >} per key that has room in
 * its lane; when none returned anything, it waits inside one {@code XREADGROUP … BLOCK <pollInterval>} on
 * one of those keys (taking turns), which returns at once when that key gets an entry. So a reader serves
 * all keys of one node over one connection; an entry on a key that is not being waited on is read within
 * {@code pollInterval}. For unordered mode on a cluster.
 */
final class PollingRead implements StreamReader.Step {

    private final List<StreamKey> keys;
    private final Map<String, StreamKey> byName = new LinkedHashMap<>();
    private final Consumer<String> consumer;
    private final XReadArgs now;
    private final XReadArgs waiting;
    private final ConsumerOptions options;
    private final InFlight inFlight;
    private final Lanes lanes;
    private int turn;

    PollingRead(List<StreamKey> keys, GroupCommands commands, ConsumerOptions options, InFlight inFlight, Lanes lanes) {
        this.keys = List.copyOf(keys);
        keys.forEach(key -> byName.put(key.key(), key));
        this.consumer = Consumer.from(commands.group(), commands.consumerName());
        this.now = XReadArgs.Builder.count(options.batchSize());
        this.waiting = XReadArgs.Builder.block(options.pollInterval()).count(options.batchSize());
        this.options = options;
        this.inFlight = inFlight;
        this.lanes = lanes;
    }

    @Override
    public List<StreamKey> keys() {
        return keys;
    }

    @Override
    public void read(ReaderConnection connection) throws InterruptedException {
        List<StreamKey> readable = new ArrayList<>();
        for (StreamKey key : keys) {
            if (inFlight.count(key) < options.batchSize()) {
                readable.add(key);
            }
        }
        if (readable.isEmpty()) {
            inFlight.awaitChange(options.pollInterval());
            return;
        }
        List<RedisFuture<List<StreamMessage<String, String>>>> replies = new ArrayList<>(readable.size());
        for (StreamKey key : readable) {
            replies.add(connection.async().xreadgroup(consumer, now, StreamOffset.lastConsumed(key.key())));
        }
        int read = 0;
        Duration wait = options.blockTimeout().plus(ReaderConnection.REPLY_MARGIN);
        for (int i = 0; i < replies.size(); i++) {
            read += Lanes.dispatch(connection.await(replies.get(i), wait, "XREADGROUP " + readable.get(i)), byName,
                    inFlight, lanes);
        }
        if (read == 0) {
            StreamKey anchor = readable.get(Math.floorMod(turn++, readable.size()));
            Lanes.dispatch(connection.await(connection.async().xreadgroup(consumer, waiting,
                    StreamOffset.lastConsumed(anchor.key())), options.pollInterval().plus(ReaderConnection.REPLY_MARGIN),
                    "XREADGROUP BLOCK " + anchor), byName, inFlight, lanes);
        }
    }
}
