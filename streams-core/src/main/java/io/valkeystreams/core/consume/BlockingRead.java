package io.valkeystreams.core.consume;

import io.lettuce.core.Consumer;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.valkeystreams.core.catalog.StreamKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every key at once: {@code XREADGROUP … COUNT n BLOCK t STREAMS k1 k2 … > > …}, after waiting while
 * too many entries are in flight. For a standalone or sentinel-managed server in unordered mode.
 */
final class BlockingRead implements StreamReader.Step {

    private final List<StreamKey> keys;
    private final Map<String, StreamKey> byName = new LinkedHashMap<>();
    private final Consumer<String> consumer;
    private final XReadArgs args;
    private final StreamOffset<String>[] offsets;
    private final ConsumerOptions options;
    private final InFlight inFlight;
    private final int inFlightLimit;
    private final Lanes lanes;

    @SuppressWarnings("unchecked")
    BlockingRead(List<StreamKey> keys, GroupCommands commands, ConsumerOptions options, InFlight inFlight,
                 int inFlightLimit, Lanes lanes) {
        this.keys = List.copyOf(keys);
        keys.forEach(key -> byName.put(key.key(), key));
        this.consumer = Consumer.from(commands.group(), commands.consumerName());
        this.args = XReadArgs.Builder.block(options.blockTimeout()).count(options.batchSize());
        this.offsets = keys.stream().map(key -> StreamOffset.lastConsumed(key.key())).toArray(StreamOffset[]::new);
        this.options = options;
        this.inFlight = inFlight;
        this.inFlightLimit = inFlightLimit;
        this.lanes = lanes;
    }

    @Override
    public List<StreamKey> keys() {
        return keys;
    }

    @Override
    public void read(ReaderConnection connection) throws InterruptedException {
        if (!inFlight.awaitBelow(inFlightLimit, options.blockTimeout())) {
            return;
        }
        Lanes.dispatch(connection.read(consumer, args, options.blockTimeout(), offsets), byName, inFlight, lanes);
    }
}
