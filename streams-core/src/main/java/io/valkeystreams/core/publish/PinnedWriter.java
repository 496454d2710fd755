package io.valkeystreams.core.publish;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.connection.CommandException;
import io.valkeystreams.core.connection.ConnectionException;
import io.valkeystreams.core.connection.DedicatedConnection;
import io.valkeystreams.core.connection.LettuceErrors;
import io.valkeystreams.core.connection.StreamsConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes that are confirmed with {@code WAIT} / {@code WAITAOF}. Both only cover writes made on the
 * connection that sends them, so the write and its confirmation must share one connection to the server
 * that took the write. On a standalone server that is a dedicated connection. On a cluster, a keyless
 * {@code WAIT} sent through the cluster connection goes to an arbitrary node and would confirm nothing;
 * here each write goes straight to the master that serves its key's slot, and is confirmed there.
 * Used by one thread at a time.
 */
final class PinnedWriter implements AutoCloseable {

    static final int MAX_REDIRECTS = 3;
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(30);

    private final AbstractRedisClient client;
    private final DedicatedConnection single;
    private final StatefulRedisClusterConnection<String, String> cluster;

    private PinnedWriter(AbstractRedisClient client, DedicatedConnection single,
                         StatefulRedisClusterConnection<String, String> cluster) {
        this.client = client;
        this.single = single;
        this.cluster = cluster;
    }

    static PinnedWriter open(StreamsConnection connection) {
        if (connection.client() instanceof RedisClusterClient clusterClient) {
            try {
                return new PinnedWriter(clusterClient, null, clusterClient.connect(StringCodec.UTF8));
            } catch (RuntimeException e) {
                throw LettuceErrors.translate("opening a connection to " + connection.describe(), e);
            }
        }
        return new PinnedWriter(connection.client(), DedicatedConnection.open(connection), null);
    }

    /** Writes one entry and confirms it on the connection that wrote it. */
    Written write(PreparedEntry entry, Confirmer confirmer) {
        for (int attempt = 1; ; attempt++) {
            RedisClusterCommands<String, String> commands = commandsFor(entry.key().key());
            String id;
            try {
                id = commands.dispatch(EncodedXAdd.type(), EncodedXAdd.output(), entry.command());
            } catch (RuntimeException e) {
                StreamsException failure = LettuceErrors.translate("XADD " + entry.key(), e);
                if (isRedirect(failure) && attempt < MAX_REDIRECTS) {
                    refreshTopology();
                    continue;
                }
                throw failure;
            }
            return new Written(id, confirmer.confirm(commands));
        }
    }

    /**
     * Writes a batch on a cluster: pipelined to each master that serves one of its keys, then confirmed on each
     * of those masters.
     *
     * @return the entry IDs in request order, and what the confirmations lack (null when all are confirmed)
     */
    BatchWritten writeBatch(List<PreparedEntry> entries, Confirmer confirmer) throws Exception {
        Map<StatefulRedisConnection<String, String>, Boolean> masters = new IdentityHashMap<>();
        List<RedisFuture<String>> ids = new ArrayList<>();
        for (PreparedEntry entry : entries) {
            StatefulRedisConnection<String, String> master = masterFor(entry.key().key());
            masters.put(master, Boolean.TRUE);
            ids.add(master.async().dispatch(EncodedXAdd.type(), EncodedXAdd.output(), entry.command()));
        }
        if (!LettuceFutures.awaitAll(BATCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS, ids.toArray(new RedisFuture<?>[0]))) {
            throw new ConnectionException("publishing a batch of " + entries.size() + " events timed out after "
                    + BATCH_TIMEOUT.toSeconds() + " s; some events of the batch may be stored");
        }
        List<String> written = new ArrayList<>(ids.size());
        for (RedisFuture<String> id : ids) {
            written.add(id.get());
        }
        List<String> missing = new ArrayList<>();
        for (StatefulRedisConnection<String, String> master : masters.keySet()) {
            String gap = confirmer.confirm(master.sync());
            if (gap != null) {
                missing.add(gap);
            }
        }
        return new BatchWritten(written, missing.isEmpty() ? null : String.join("; ", missing));
    }

    /** Whether writes go straight to cluster masters (else to one standalone server). */
    boolean isCluster() {
        return cluster != null;
    }

    boolean isOpen() {
        return cluster != null ? cluster.isOpen() : single.isOpen();
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        } else {
            single.close();
        }
    }

    private RedisClusterCommands<String, String> commandsFor(String key) {
        return cluster == null ? single.sync() : masterFor(key).sync();
    }

    private StatefulRedisConnection<String, String> masterFor(String key) {
        int slot = SlotHash.getSlot(key);
        RedisClusterNode node = cluster.getPartitions().getPartitionBySlot(slot);
        if (node == null) {
            refreshTopology();
            node = cluster.getPartitions().getPartitionBySlot(slot);
        }
        if (node == null) {
            throw new ConnectionException("no master serves slot " + slot + " of key '" + key + "' in the cluster's "
                    + "slot map; the cluster may be failing over");
        }
        try {
            return cluster.getConnection(node.getNodeId());
        } catch (RuntimeException e) {
            throw LettuceErrors.translate("connecting to the master of slot " + slot + " (" + node.getUri() + ")", e);
        }
    }

    private void refreshTopology() {
        try {
            ((RedisClusterClient) client).refreshPartitions();
        } catch (RuntimeException e) {
            throw LettuceErrors.translate("refreshing the cluster's slot map", e);
        }
    }

    private static boolean isRedirect(StreamsException failure) {
        return failure instanceof CommandException command
                && ("MOVED".equals(command.errorCode()) || "ASK".equals(command.errorCode()));
    }

    /** One written entry: its ID, and what its confirmation lacks (null when confirmed). */
    record Written(String id, String missing) {
    }

    /** A written batch: IDs in request order, and what the confirmations lack (null when all confirmed). */
    record BatchWritten(List<String> ids, String missing) {
    }
}
