package io.valkeystreams.core.consume;

import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.lease.LeaseLostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the partitions this container holds leases on (ordered mode). Reads are fenced scripts
 * ({@link FencedCommands}), pipelined one per partition with room in its lane: first this consumer's own
 * pending entries (those it claimed from the previous holder), in ID order, then new ones. Scripts cannot
 * block, so when nothing was read the reader waits in a plain {@code XREAD BLOCK … STREAMS k… <last ID>…},
 * which returns as soon as one of those keys gets a newer entry and changes no group state. On a standalone
 * server that wait covers every held key; on a cluster (one slot per command) it covers one key in turn for
 * at most {@code pollInterval}.
 */
final class LeasedRead implements StreamReader.Step {

    private static final Logger log = LoggerFactory.getLogger(LeasedRead.class);

    private final List<StreamKey> keys;
    private final FencedCommands fenced;
    private final Ownership ownership;
    private final ConsumerOptions options;
    private final InFlight inFlight;
    private final Lanes lanes;
    private final boolean waitOnAllKeys;
    private int turn;

    LeasedRead(List<StreamKey> keys, FencedCommands fenced, Ownership ownership, ConsumerOptions options,
               InFlight inFlight, Lanes lanes, boolean waitOnAllKeys) {
        this.keys = List.copyOf(keys);
        this.fenced = fenced;
        this.ownership = ownership;
        this.options = options;
        this.inFlight = inFlight;
        this.lanes = lanes;
        this.waitOnAllKeys = waitOnAllKeys;
    }

    @Override
    public List<StreamKey> keys() {
        return keys;
    }

    @Override
    public void read(ReaderConnection connection) throws InterruptedException {
        List<OwnedPartition> readable = new ArrayList<>();
        for (StreamKey key : keys) {
            OwnedPartition partition = ownership.get(key);
            if (partition != null && partition.isReadable() && inFlight.count(key) < options.batchSize()) {
                readable.add(partition);
            }
        }
        if (readable.isEmpty()) {
            inFlight.awaitChange(options.pollInterval());
            return;
        }
        List<CompletionStage<List<Work>>> replies = new ArrayList<>(readable.size());
        for (OwnedPartition partition : readable) {
            replies.add(partition.historyAfter() != null ? readOwn(connection, partition) : readNew(connection, partition));
        }
        Duration wait = options.blockTimeout().plus(ReaderConnection.REPLY_MARGIN);
        int read = 0;
        for (int i = 0; i < readable.size(); i++) {
            OwnedPartition partition = readable.get(i);
            try {
                read += accept(partition, connection.await(replies.get(i), wait, "reading " + partition.key()));
            } catch (LeaseLostException e) {
                log.info("{}; stopped reading it", e.getMessage());
                partition.lose();
            }
        }
        if (read == 0) {
            waitForEntries(connection, readable);
        }
    }

    /** This consumer's own pending entries, in ID order; an empty page ends them. */
    private CompletionStage<List<Work>> readOwn(ReaderConnection connection, OwnedPartition partition) {
        return fenced.readOwn(connection.async(), partition.lease(), options.batchSize(), partition.historyAfter())
                .thenApply(work -> {
                    partition.historyAfter(work.isEmpty() ? null : work.get(work.size() - 1).id());
                    return work;
                });
    }

    private CompletionStage<List<Work>> readNew(ReaderConnection connection, OwnedPartition partition) {
        return fenced.readNew(connection.async(), partition.lease(), options.batchSize()).thenApply(entries -> {
            partition.lastId(entries.lastId());
            return entries.work();
        });
    }

    private int accept(OwnedPartition partition, List<Work> work) {
        List<Work> fresh = new ArrayList<>(work.size());
        for (Work each : work) {
            if (inFlight.add(each.key(), each.id())) {
                fresh.add(each);
            }
        }
        lanes.submit(partition.key(), fresh);
        return work.size();
    }

    private void waitForEntries(ReaderConnection connection, List<OwnedPartition> readable)
            throws InterruptedException {
        List<OwnedPartition> live = readable.stream().filter(p -> p.historyAfter() == null && p.isReadable()).toList();
        if (live.isEmpty()) {
            return;
        }
        List<OwnedPartition> waitOn = waitOnAllKeys ? live : List.of(live.get(Math.floorMod(turn++, live.size())));
        Duration block = waitOnAllKeys ? options.blockTimeout() : options.pollInterval();
        @SuppressWarnings("unchecked")
        StreamOffset<String>[] offsets = waitOn.stream().map(p -> StreamOffset.from(p.key().key(), p.lastId()))
                .toArray(StreamOffset[]::new);
        connection.await(connection.async().xread(XReadArgs.Builder.block(block).count(1), offsets),
                block.plus(ReaderConnection.REPLY_MARGIN), "XREAD BLOCK " + waitOn.stream().map(OwnedPartition::key).toList());
    }
}
