package io.valkeystreams.cli.compare;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import java.time.Duration;
import org.springframework.data.redis.connection.RedisPassword;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The three clients of the comparison, each with its own Lettuce client and event loops: ours
 * ({@link StreamsConnection}), raw Lettuce, and Spring Data Redis on Lettuce. Plus the helpers that set up
 * a trial (delete keys, fill a backlog, create the group), which are never measured.
 */
final class Clients implements AutoCloseable {

    private final String url;
    private final StreamsConnection streams;
    private final RedisClient rawClient;
    private final StatefulRedisConnection<String, String> raw;
    private final LettuceConnectionFactory sdrFactory;
    private final StringRedisTemplate sdr;

    private Clients(String url) {
        this.url = url;
        this.streams = StreamsConnection.connect(url);
        this.rawClient = RedisClient.create(url);
        this.raw = rawClient.connect();
        RedisURI uri = RedisURI.create(url);
        RedisStandaloneConfiguration standalone = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        standalone.setDatabase(uri.getDatabase());
        RedisCredentials credentials = uri.getCredentialsProvider().resolveCredentials().block();
        if (credentials != null && credentials.hasUsername()) {
            standalone.setUsername(credentials.getUsername());
        }
        if (credentials != null && credentials.hasPassword()) {
            standalone.setPassword(RedisPassword.of(credentials.getPassword()));
        }
        this.sdrFactory = new LettuceConnectionFactory(standalone);
        sdrFactory.afterPropertiesSet();
        sdrFactory.start();
        this.sdr = new StringRedisTemplate(sdrFactory);
    }

    /**
     * Connects all three to a standalone server.
     *
     * @throws StreamsException when the URL names a cluster or sentinel, which the comparison does not cover
     */
    static Clients open(String url) {
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new StreamsException("compare needs a standalone server (redis://host:port), was " + url);
        }
        return new Clients(url);
    }

    String url() {
        return url;
    }

    StreamsConnection streams() {
        return streams;
    }

    RedisClient rawClient() {
        return rawClient;
    }

    RedisCommands<String, String> raw() {
        return raw.sync();
    }

    StatefulRedisConnection<String, String> rawConnection() {
        return raw;
    }

    LettuceConnectionFactory sdrFactory() {
        return sdrFactory;
    }

    StringRedisTemplate sdr() {
        return sdr;
    }

    /** Deletes every partition key of a stream of the comparison. */
    void reset(String stream) {
        raw().del(Workload.stream(stream).keys().stream().map(StreamKey::key).toArray(String[]::new));
    }

    /** Creates the comparison's group on every partition key of a stream, from its first entry. */
    void createGroup(String stream) {
        Workload.stream(stream).keys().forEach(key -> raw().xgroupCreate(StreamOffset.from(key.key(), "0"),
                Workload.GROUP, new XGroupCreateArgs().mkstream(true)));
    }

    /** Writes {@code events} events into a stream with pipelined XADDs (no trimming), not measured. */
    void fill(String stream, long events) {
        raw.setAutoFlushCommands(false);
        try {
            long sent = 0;
            while (sent < events) {
                int batch = (int) Math.min(1000, events - sent);
                RedisFuture<?>[] futures = new RedisFuture<?>[batch];
                for (int i = 0; i < batch; i++) {
                    CompareEvent event = Workload.event(sent + i, 0);
                    futures[i] = raw.async().xadd(Workload.key(stream, event), Workload.fields(stream, event));
                }
                raw.flushCommands();
                if (!LettuceFutures.awaitAll(Duration.ofSeconds(30), futures)) {
                    throw new StreamsException("filling " + stream + " timed out");
                }
                sent += batch;
            }
        } finally {
            raw.setAutoFlushCommands(true);
        }
    }

    /** Entries pending for the comparison's group over every partition key of a stream. */
    long pending(String stream) {
        long pending = 0;
        for (StreamKey key : Workload.stream(stream).keys()) {
            pending += raw().xpending(key.key(), Workload.GROUP).getCount();
        }
        return pending;
    }

    @Override
    public void close() {
        sdrFactory.destroy();
        raw.close();
        rawClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        streams.close();
    }
}
