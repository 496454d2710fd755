package io.valkeystreams.core.connection;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;

/**
 * A connection of its own, for work that must not share the multiplexed connection: blocking
 * commands ({@code WAIT}, {@code XREADGROUP BLOCK}) and manually flushed pipelines.
 */
public final class DedicatedConnection implements AutoCloseable {

    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> sync;
    private final RedisClusterAsyncCommands<String, String> async;

    private DedicatedConnection(StatefulConnection<String, String> connection, RedisClusterCommands<String, String> sync,
                                RedisClusterAsyncCommands<String, String> async) {
        this.connection = connection;
        this.sync = sync;
        this.async = async;
    }

    /**
     * Opens a new connection from the client behind {@code connection}.
     *
     * @throws ConnectionException when the server cannot be reached
     */
    public static DedicatedConnection open(StreamsConnection connection) {
        AbstractRedisClient client = connection.client();
        try {
            if (client instanceof RedisClusterClient cluster) {
                StatefulRedisClusterConnection<String, String> c = cluster.connect(StringCodec.UTF8);
                return new DedicatedConnection(c, c.sync(), c.async());
            }
            StatefulRedisConnection<String, String> c = ((RedisClient) client).connect(StringCodec.UTF8);
            return new DedicatedConnection(c, c.sync(), c.async());
        } catch (RuntimeException e) {
            throw LettuceErrors.translate("opening a connection to " + connection.describe(), e);
        }
    }

    /** Synchronous commands. */
    public RedisClusterCommands<String, String> sync() {
        return sync;
    }

    /** Asynchronous commands. */
    public RedisClusterAsyncCommands<String, String> async() {
        return async;
    }

    /** Whether commands are written at once (true, the default) or only on {@link #flush()}. */
    public void setAutoFlush(boolean autoFlush) {
        connection.setAutoFlushCommands(autoFlush);
    }

    /** Writes every queued command to the socket. */
    public void flush() {
        connection.flushCommands();
    }

    /** Whether the connection is open. */
    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public void close() {
        connection.close();
    }
}
