package io.valkeystreams.core.connection;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * A shared, thread-safe connection to a standalone, sentinel-managed or clustered Valkey, with
 * string keys and values. Sync and async commands are the subset common to all deployments, so
 * the engine works unchanged on a cluster.
 */
public interface StreamsConnection extends AutoCloseable {

    /**
     * Connects to the server named by a URI: {@code redis://[user:password@]host:port[/db]},
     * {@code rediss://…} (TLS), {@code redis-sentinel://…#master}, or
     * {@code redis-cluster://host1:port1,host2:port2} (and {@code rediss-cluster://…}) for a cluster.
     * The connection owns its client and shuts it down on {@link #close()}. Commands time out after
     * 15 s unless the URI says otherwise ({@code ?timeout=2s}); while the connection is being
     * re-established, commands wait for it within that timeout.
     *
     * <p>Over TLS the server's certificate must be signed by a CA the JVM trusts, or by one in the PEM
     * file the URI names with {@code cacert}: {@code rediss://host:6380?cacert=/etc/valkey/ca.pem}
     * (see {@code docs/security.md}). Passwords are masked in every message and in {@link #describe()}.
     *
     * @throws ConnectionException when the URI is invalid, the server cannot be reached, refuses the
     *                             credentials, or presents a certificate that is not trusted
     */
    static StreamsConnection connect(String uri) {
        return LettuceStreamsConnection.connect(ConnectionUri.parse(uri));
    }

    /**
     * Uses an existing Lettuce client ({@code RedisClient} or {@code RedisClusterClient}); closing
     * the returned connection closes the connection it opened, not the client.
     *
     * @throws ConnectionException when the server cannot be reached
     */
    static StreamsConnection using(AbstractRedisClient client) {
        return LettuceStreamsConnection.using(client);
    }

    /** Synchronous commands on the shared connection. */
    RedisClusterCommands<String, String> sync();

    /** Asynchronous commands on the shared connection. */
    RedisClusterAsyncCommands<String, String> async();

    /** The Lettuce client behind this connection, for opening dedicated connections (blocking reads). */
    AbstractRedisClient client();

    /** Whether the server is a Valkey Cluster. */
    boolean isCluster();

    /** A printable description of the server with any password masked. */
    String describe();

    /** Closes the connection (and the client when this connection created it). */
    @Override
    void close();
}
