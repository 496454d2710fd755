package io.valkeystreams.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.valkeystreams.core.cache.CacheStatistics;
import io.valkeystreams.core.cache.JacksonCacheCodec;
import io.valkeystreams.core.cache.NearCacheOptions;
import io.valkeystreams.core.cache.PlatformCaches;
import io.valkeystreams.core.cache.StreamsCache;
import io.valkeystreams.core.cache.StreamsCaches;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The specification's bound: a hit rate above 85 % for hot data. A skewed read workload (Zipf,
 * exponent 1.1, over 1,000 keys; 10,000 get-or-load reads from 4 threads) is measured through
 * Micrometer's cache meters.
 */
@ValkeyTest
class CacheHitRateIT {

    private static final Logger log = LoggerFactory.getLogger(CacheHitRateIT.class);
    private static final int KEYS = 1_000;
    private static final int READS = 10_000;
    private static final int THREADS = 4;
    private static final double EXPONENT = 1.1;

    record Score(String userId, double score) {
    }

    @ParameterizedTest(name = "near cache {0}")
    @ValueSource(booleans = {false, true})
    void aSkewedReadWorkloadHitsAbove85Percent(boolean nearCache, ValkeyServer server) throws Exception {
        CacheStatistics statistics = new CacheStatistics();
        MeterRegistry registry = new SimpleMeterRegistry();
        AtomicInteger loads = new AtomicInteger();
        try (StreamsConnection connection = StreamsConnection.connect(server.url());
             StreamsCaches caches = StreamsCaches.builder(connection).listener(statistics)
                     .codec(JacksonCacheCodec.typed(List.of(getClass().getPackageName())))
                     .nearCache(nearCache ? NearCacheOptions.enabled(KEYS) : NearCacheOptions.disabled()).build()) {
            new StreamsCacheMetrics(statistics, List.of(PlatformCaches.REPUTATION_SCORES), List.of()).bindTo(registry);
            StreamsCache scores = caches.cache(PlatformCaches.REPUTATION_SCORES);
            double[] cumulative = zipf(KEYS, EXPONENT);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> readers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Random random = new Random(42 + t);
                    readers.add(pool.submit(() -> {
                        for (int i = 0; i < READS / THREADS; i++) {
                            String user = "user-" + rank(cumulative, random.nextDouble());
                            scores.getOrLoad(user, Score.class, key -> {
                                loads.incrementAndGet();
                                return new Score(key, key.length());
                            });
                        }
                    }));
                }
                for (Future<?> reader : readers) {
                    reader.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        double hits = registry.get("cache.gets").tags("cache", "reputation_scores", "result", "hit")
                .functionCounter().count();
        double misses = registry.get("cache.gets").tags("cache", "reputation_scores", "result", "miss")
                .functionCounter().count();
        double nearHits = registry.get("cache.near.hits").functionCounter().count();
        double hitRate = hits / (hits + misses);
        log.info("Zipf({}) over {} keys, {} reads, near cache {}: hits={} misses={} loads={} near hits={} hit rate={}",
                EXPONENT, KEYS, READS, nearCache, (long) hits, (long) misses, loads.get(), (long) nearHits,
                String.format("%.2f %%", hitRate * 100));

        assertThat(hits + misses).isEqualTo(READS);
        assertThat(hitRate).isGreaterThan(0.85);
        assertThat(loads.get()).isEqualTo((int) registry.get("cache.load").tag("result", "success")
                .functionCounter().count());
        if (nearCache) {
            assertThat(nearHits).isPositive();
        }
    }

    /** Cumulative probabilities of ranks 1..n with weight 1/k^s. */
    private static double[] zipf(int n, double s) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += 1.0 / Math.pow(k, s);
            cumulative[k - 1] = sum;
        }
        for (int k = 0; k < n; k++) {
            cumulative[k] /= sum;
        }
        return cumulative;
    }

    private static int rank(double[] cumulative, double u) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low + 1;
    }
}
