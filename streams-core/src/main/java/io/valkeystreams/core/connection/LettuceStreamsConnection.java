package io.valkeystreams.core.connection;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;

/** {@link StreamsConnection} on Lettuce, for a {@link RedisClient} or a {@link RedisClusterClient}. */
final class LettuceStreamsConnection implements StreamsConnection {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);
    /**
     * Period of the slot map refresh. Short, because event-triggered refreshes follow reconnect attempts to a lost
     * master, whose back-off grows: after a failover the next one may be many seconds away, and until the slot map
     * is refreshed, commands for the lost master's slots are refused.
     */
    static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(5);
    /**
     * Least time between two refreshes of the slot map triggered by events (redirects, reconnect attempts to a
     * node that is down). Lettuce's default of 30 s lets a refresh made while a failover is still being decided
     * block the next one, so commands for the lost master's slots would wait for the periodic refresh.
     */
    static final Duration ADAPTIVE_REFRESH_MIN_GAP = Duration.ofSeconds(1);
    /** Failed reconnect attempts to a node before they trigger a refresh of the slot map. */
    static final int RECONNECTS_BEFORE_REFRESH = 3;

    private final AbstractRedisClient client;
    private final boolean ownsClient;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> sync;
    private final RedisClusterAsyncCommands<String, String> async;
    private final String description;

    private LettuceStreamsConnection(AbstractRedisClient client, boolean ownsClient, String description) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.description = description;
        try {
            if (client instanceof RedisClusterClient clusterClient) {
                StatefulRedisClusterConnection<String, String> cluster = clusterClient.connect(StringCodec.UTF8);
                this.connection = cluster;
                this.sync = cluster.sync();
                this.async = cluster.async();
            } else if (client instanceof RedisClient redisClient) {
                StatefulRedisConnection<String, String> single = redisClient.connect(StringCodec.UTF8);
                this.connection = single;
                this.sync = single.sync();
                this.async = single.async();
            } else {
                throw new ConnectionException("unsupported Lettuce client " + client.getClass().getName()
                        + "; pass a RedisClient or a RedisClusterClient");
            }
        } catch (RuntimeException e) {
            if (ownsClient) {
                client.shutdown();
            }
            throw LettuceErrors.translate("connecting to " + description, e);
        }
    }

    static StreamsConnection connect(ConnectionUri uri) {
        AbstractRedisClient client;
        SocketOptions socket = SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build();
        TimeoutOptions timeouts = TimeoutOptions.enabled();
        if (!uri.explicitTimeout()) {
            uri.uris().forEach(each -> each.setTimeout(COMMAND_TIMEOUT));
        }
        if (uri.cluster()) {
            RedisClusterClient cluster = RedisClusterClient.create(uri.uris());
            cluster.setOptions(ClusterClientOptions.builder()
                    .socketOptions(socket)
                    .timeoutOptions(timeouts)
                    .sslOptions(sslOptions(uri))
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                            .enablePeriodicRefresh(TOPOLOGY_REFRESH)
                            .enableAllAdaptiveRefreshTriggers()
                            .adaptiveRefreshTriggersTimeout(ADAPTIVE_REFRESH_MIN_GAP)
                            .refreshTriggersReconnectAttempts(RECONNECTS_BEFORE_REFRESH)
                            .build())
                    .build());
            client = cluster;
        } else {
            RedisURI single = uri.uris().get(0);
            RedisClient redis = RedisClient.create(single);
            redis.setOptions(ClientOptions.builder().socketOptions(socket).timeoutOptions(timeouts)
                    .sslOptions(sslOptions(uri)).build());
            client = redis;
        }
        return new LettuceStreamsConnection(client, true, uri.display());
    }

    /** Trusts the URI's CA certificate file when it names one, else the JVM's default truststore. */
    private static SslOptions sslOptions(ConnectionUri uri) {
        if (uri.caCertificate() == null) {
            return SslOptions.create();
        }
        return SslOptions.builder().jdkSslProvider().trustManager(uri.caCertificate().toFile()).build();
    }

    static StreamsConnection using(AbstractRedisClient client) {
        if (client == null) {
            throw new ConnectionException("Lettuce client must not be null");
        }
        return new LettuceStreamsConnection(client, false, client.getClass().getSimpleName());
    }

    @Override
    public RedisClusterCommands<String, String> sync() {
        return sync;
    }

    @Override
    public RedisClusterAsyncCommands<String, String> async() {
        return async;
    }

    @Override
    public AbstractRedisClient client() {
        return client;
    }

    @Override
    public boolean isCluster() {
        return client instanceof RedisClusterClient;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        connection.close();
        if (ownsClient) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    @Override
    public String toString() {
        return "StreamsConnection[" + description + "]";
    }
}
