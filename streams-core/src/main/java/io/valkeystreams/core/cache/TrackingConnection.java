package io.valkeystreams.core.cache;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.TrackingArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.push.PushMessage;
import io.lettuce.core.codec.StringCodec;
import io.valkeystreams.core.connection.LettuceErrors;
import io.valkeystreams.core.connection.StreamsConnection;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A RESP3 connection of its own with {@code CLIENT TRACKING ON} (default mode): every near-cache
 * miss is read through it, so the server remembers the key for this connection and pushes an
 * {@code invalidate} message when any client changes it, when it expires or is evicted, or
 * (with a null key list) when the database is flushed. Invalidations arrive on the same connection
 * after the read's reply, which is what makes {@link NearCache}'s tokens sufficient. When the
 * connection drops, the near cache is emptied and stays inactive; after Lettuce reconnects,
 * tracking is switched on again and only then does the near cache accept values again.
 */
final class TrackingConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TrackingConnection.class);
    private static final String INVALIDATE = "invalidate";

    private final StatefulRedisConnection<String, String> connection;
    private final NearCache near;
    private final CacheListener listener;
    private final String server;
    private final Duration timeout;
    private volatile boolean closed;

    private TrackingConnection(StatefulRedisConnection<String, String> connection, NearCache near,
                               CacheListener listener, String server) {
        this.connection = connection;
        this.near = near;
        this.listener = listener;
        this.server = server;
        this.timeout = connection.getTimeout();
    }

    /**
     * Opens the connection, checks it speaks RESP3, and switches tracking on.
     *
     * @throws CacheException on a cluster, or on a server without RESP3 client tracking
     */
    static TrackingConnection open(StreamsConnection shared, NearCache near, CacheListener listener) {
        if (shared.isCluster() || !(shared.client() instanceof RedisClient client)) {
            throw new CacheException("the near cache is not supported on a Valkey Cluster (" + shared.describe()
                    + "): tracking would be needed on every node connection; turn the near cache off");
        }
        StatefulRedisConnection<String, String> connection;
        try {
            connection = client.connect(StringCodec.UTF8);
        } catch (RuntimeException e) {
            throw LettuceErrors.translate("opening the near cache's tracking connection to " + shared.describe(), e);
        }
        TrackingConnection tracking = new TrackingConnection(connection, near, listener, shared.describe());
        try {
            String info = connection.sync().clientInfo();
            if (info == null || !info.contains(" resp=3")) {
                throw new CacheException("the near cache needs RESP3 client tracking (Valkey 7+, Redis 6.2+), but "
                        + shared.describe() + " answered CLIENT INFO with '" + info + "'; turn the near cache off");
            }
            connection.addListener(tracking::onPush);
            connection.addListener(tracking.stateListener());
            long generation = near.generation();
            connection.sync().clientTracking(TrackingArgs.Builder.enabled());
            near.activate(generation);
            return tracking;
        } catch (RuntimeException e) {
            connection.close();
            throw LettuceErrors.translate("switching on client tracking on " + shared.describe(), e);
        }
    }

    /**
     * Reads a key's value and remaining TTL in one round trip, keeping the value in the near cache
     * unless the key is invalidated meanwhile.
     */
    String read(String key) {
        Object token = near.beginFetch(key);
        RedisFuture<String> value = connection.async().get(key);
        RedisFuture<Long> ttl = connection.async().pttl(key);
        try {
            String text = value.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Long millis = ttl.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            near.completeFetch(key, token, text, millis == null ? -2 : millis);
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            near.invalidate(key);
            throw new CacheException("interrupted while reading '" + key + "' from " + server, e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            near.invalidate(key);
            throw LettuceErrors.translate("GET " + key, e);
        }
    }

    private void onPush(PushMessage message) {
        if (!INVALIDATE.equals(message.getType())) {
            return;
        }
        List<Object> content = message.getContent(StringCodec.UTF8::decodeKey);
        Object keys = content.size() > 1 ? content.get(1) : null;
        if (keys instanceof List<?> list) {
            list.forEach(key -> near.invalidate(String.valueOf(key)));
        } else {
            near.clear();
            listener.nearCacheCleared("the server invalidated every key (FLUSHALL, FLUSHDB or a failover)");
        }
    }

    private RedisConnectionStateListener stateListener() {
        return new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                near.deactivate();
                if (!closed) {
                    log.warn("near cache emptied: tracking connection to {} lost; it stays off until reconnected",
                            server);
                    listener.nearCacheCleared("tracking connection lost");
                }
            }

            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                long generation = near.generation();
                connection.async().clientTracking(TrackingArgs.Builder.enabled()).whenComplete((ok, error) -> {
                    if (error != null) {
                        log.warn("near cache stays off: switching tracking on again at {} failed: {}", server,
                                error.toString());
                    } else if (near.activate(generation)) {
                        log.info("near cache on again: tracking re-enabled on {}", server);
                    }
                });
            }
        };
    }

    @Override
    public void close() {
        closed = true;
        connection.close();
        near.deactivate();
    }
}
