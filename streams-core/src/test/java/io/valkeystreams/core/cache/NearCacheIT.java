package io.valkeystreams.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.KillArgs;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class NearCacheIT {

    private static final Pattern TRACKING_CLIENT = Pattern.compile("id=(\\d+) .*flags=[A-Za-z]*t");

    private final CacheStatistics statistics = new CacheStatistics();
    private final List<String> cleared = new CopyOnWriteArrayList<>();
    private StreamsConnection connection;
    private StreamsConnection otherClient;
    private StreamsCaches caches;
    private StreamsCache reputation;

    @BeforeEach
    void connect(ValkeyServer server) {
        connection = StreamsConnection.connect(server.url());
        otherClient = StreamsConnection.connect(server.url());
        caches = StreamsCaches.builder(connection)
                .nearCache(NearCacheOptions.enabled(100))
                .listener(statistics)
                .listener(new CacheListener() {
                    @Override
                    public void nearCacheCleared(String reason) {
                        cleared.add(reason);
                    }
                })
                .build();
        reputation = caches.cache(PlatformCaches.REPUTATION_SCORES);
    }

    @AfterEach
    void close() {
        caches.close();
        otherClient.close();
        connection.close();
    }

    @Test
    void theNearCacheIsOffByDefault() {
        try (StreamsCaches plain = StreamsCaches.builder(connection).build()) {
            assertThat(plain.nearCacheEnabled()).isFalse();
            plain.cache("reputation_scores").put("u", 1);
            plain.cache("reputation_scores").get("u", Integer.class);
            plain.cache("reputation_scores").get("u", Integer.class);
            assertThat(plain.nearCacheSize()).isZero();
        }
        assertThat(caches.nearCacheEnabled()).isTrue();
    }

    @Test
    void aRepeatedReadIsAnsweredInProcess() {
        reputation.put("user-1", 10);
        assertThat(reputation.get("user-1", Integer.class)).contains(10);
        assertThat(reputation.get("user-1", Integer.class)).contains(10);
        assertThat(reputation.get("user-1", Integer.class)).contains(10);

        assertThat(caches.nearCacheSize()).isEqualTo(1);
        assertThat(statistics.stats("reputation_scores")).extracting(CacheStats::hits, CacheStats::nearHits)
                .containsExactly(3L, 2L);
    }

    @Test
    void anotherClientsChangeDropsTheEntry() {
        reputation.put("user-1", 10);
        reputation.get("user-1", Integer.class);
        assertThat(caches.nearCacheSize()).isEqualTo(1);

        otherClient.sync().set("rep:user-1", "11");

        await().atMost(Duration.ofSeconds(5)).until(() -> caches.nearCacheSize() == 0);
        assertThat(reputation.get("user-1", Integer.class)).contains(11);
    }

    @Test
    void anotherClientsDeleteDropsTheEntry() {
        reputation.put("user-1", 10);
        reputation.get("user-1", Integer.class);

        otherClient.sync().del("rep:user-1");

        await().atMost(Duration.ofSeconds(5)).until(() -> reputation.get("user-1", Integer.class).isEmpty());
    }

    @Test
    void writesThroughThisProcessAreVisibleAtOnce() {
        reputation.put("user-1", 10);
        reputation.get("user-1", Integer.class);
        reputation.put("user-1", 12);
        assertThat(reputation.get("user-1", Integer.class)).contains(12);
        reputation.invalidate("user-1");
        assertThat(reputation.get("user-1", Integer.class)).isEmpty();
    }

    @Test
    void anEntryLeavesWhenItsValkeyTtlRunsOut() {
        reputation.put("user-1", 10, Duration.ofMillis(300));
        reputation.get("user-1", Integer.class);
        assertThat(caches.nearCacheSize()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> reputation.get("user-1", Integer.class).isEmpty());
    }

    @Test
    void theLimitBoundsTheEntries() {
        try (StreamsCaches small = StreamsCaches.builder(connection).nearCache(NearCacheOptions.enabled(2)).build()) {
            StreamsCache cache = small.cache("food_discovery");
            for (String key : List.of("a", "b", "c")) {
                cache.put(key, key);
                cache.get(key, String.class);
            }
            assertThat(small.nearCacheSize()).isEqualTo(2);
        }
    }

    @Test
    void aFlushOfTheServerEmptiesTheNearCache() {
        reputation.put("user-1", 10);
        reputation.get("user-1", Integer.class);

        otherClient.sync().flushall();

        await().atMost(Duration.ofSeconds(5)).until(() -> caches.nearCacheSize() == 0);
        assertThat(cleared).anyMatch(reason -> reason.contains("FLUSHALL"));
        assertThat(reputation.get("user-1", Integer.class)).isEmpty();
    }

    @Test
    void losingTheTrackingConnectionEmptiesTheNearCacheUntilTrackingIsBack() {
        reputation.put("user-1", 10);
        reputation.get("user-1", Integer.class);
        assertThat(caches.nearCacheSize()).isEqualTo(1);

        long killed = trackingClientId();
        otherClient.sync().clientKill(KillArgs.Builder.id(killed));
        otherClient.sync().set("rep:user-1", "20");

        await().atMost(Duration.ofSeconds(5)).until(() -> cleared.contains("tracking connection lost"));
        assertThat(caches.nearCacheSize()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> trackingClientId() != killed);
        assertThat(reputation.get("user-1", Integer.class)).contains(20);
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            reputation.get("user-1", Integer.class);
            return caches.nearCacheSize() == 1;
        });
        otherClient.sync().set("rep:user-1", "30");
        await().atMost(Duration.ofSeconds(5)).until(() -> reputation.get("user-1", Integer.class).orElse(0) == 30);
    }

    @Test
    void concurrentChangesNeverLeaveAStaleEntryBehind() throws Exception {
        int versions = 2_000;
        reputation.put("hot", 0);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                running.add(readers.submit(() -> {
                    while (writing.get()) {
                        reputation.get("hot", Integer.class);
                    }
                }));
            }
            for (int version = 1; version <= versions; version++) {
                otherClient.sync().set("rep:hot", Integer.toString(version));
            }
            writing.set(false);
            for (Future<?> reader : running) {
                reader.get(10, TimeUnit.SECONDS);
            }
        } finally {
            readers.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(5))
                .until(() -> reputation.get("hot", Integer.class).orElse(-1) == versions);
        for (int i = 0; i < 20; i++) {
            assertThat(reputation.get("hot", Integer.class)).contains(versions);
        }
        assertThat(statistics.stats("reputation_scores").nearHits()).isPositive();
    }

    private long trackingClientId() {
        Matcher matcher = TRACKING_CLIENT.matcher(otherClient.sync().clientList());
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }
}
