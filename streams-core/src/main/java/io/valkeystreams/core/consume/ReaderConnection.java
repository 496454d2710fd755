package io.valkeystreams.core.consume;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.connection.ConnectionException;
import io.valkeystreams.core.connection.LettuceErrors;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A connection of its own for blocking reads, so a blocked read never holds up the shared connection.
 * A read waits at most its block time plus {@link #REPLY_MARGIN}: while the server is away, Lettuce
 * would otherwise hold the command until its reconnect succeeds or the command timeout passes, and the
 * reader could not tell an outage from a quiet stream.
 */
final class ReaderConnection implements AutoCloseable {

    static final Duration REPLY_MARGIN = Duration.ofSeconds(2);

    private final StatefulConnection<String, String> connection;
    private final RedisClusterAsyncCommands<String, String> commands;

    private ReaderConnection(StatefulConnection<String, String> connection,
                             RedisClusterAsyncCommands<String, String> commands) {
        this.connection = connection;
        this.commands = commands;
    }

    /** Opens a dedicated connection from the client behind the shared one. */
    static ReaderConnection open(AbstractRedisClient client) {
        try {
            if (client instanceof RedisClusterClient cluster) {
                StatefulRedisClusterConnection<String, String> connection = cluster.connect(StringCodec.UTF8);
                return new ReaderConnection(connection, connection.async());
            }
            if (client instanceof RedisClient redis) {
                StatefulRedisConnection<String, String> connection = redis.connect(StringCodec.UTF8);
                return new ReaderConnection(connection, connection.async());
            }
        } catch (RuntimeException e) {
            throw LettuceErrors.translate("opening a connection for blocking reads", e);
        }
        throw new StreamsException("unsupported Lettuce client " + client.getClass().getName()
                + "; pass a RedisClient or a RedisClusterClient");
    }

    /**
     * XREADGROUP with the given arguments, waiting at most {@code block} plus {@link #REPLY_MARGIN}.
     *
     * @throws ConnectionException when the connection is down or no reply came in time
     */
    List<StreamMessage<String, String>> read(Consumer<String> consumer, XReadArgs args, Duration block,
                                             XReadArgs.StreamOffset<String>[] offsets) throws InterruptedException {
        if (!connection.isOpen()) {
            throw new ConnectionException("the connection for blocking reads is down");
        }
        RedisFuture<List<StreamMessage<String, String>>> reply = commands.xreadgroup(consumer, args, offsets);
        Duration wait = block.plus(REPLY_MARGIN);
        try {
            return reply.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw new ConnectionException("no reply to XREADGROUP within " + wait + "; the connection is presumed lost", e);
        } catch (ExecutionException e) {
            throw LettuceErrors.translate("XREADGROUP", e.getCause());
        }
    }

    /** Asynchronous commands on this connection, for pipelined reads. */
    RedisClusterAsyncCommands<String, String> async() {
        if (!connection.isOpen()) {
            throw new ConnectionException("the connection for blocking reads is down");
        }
        return commands;
    }

    /**
     * Waits for a reply sent on this connection, at most {@code wait}.
     *
     * @throws ConnectionException when no reply came in time (the connection is presumed lost)
     * @throws StreamsException    translated from the command's failure
     */
    <T> T await(CompletionStage<T> reply, Duration wait, String action) throws InterruptedException {
        try {
            return reply.toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (reply instanceof RedisFuture<?> future) {
                future.cancel(true);
            }
            throw new ConnectionException("no reply to " + action + " within " + wait + "; the connection is presumed lost", e);
        } catch (ExecutionException e) {
            throw LettuceErrors.translate(action, e.getCause());
        }
    }

    @Override
    public void close() {
        connection.close();
    }
}
