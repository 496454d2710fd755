package io.valkeystreams.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class SingleFlightLoadIT {

    private static final int CALLERS = 16;

    record Profile(String userId, String mode) {
    }

    private final CacheStatistics statistics = new CacheStatistics();
    private final ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
    private StreamsConnection connection;
    private StreamsCaches caches;
    private DefaultStreamsCache profiles;

    @BeforeEach
    void connect(ValkeyServer server) {
        connection = StreamsConnection.connect(server.url());
        caches = StreamsCaches.builder(connection).listener(statistics).build();
        profiles = (DefaultStreamsCache) caches.cache(PlatformCaches.USER_PROFILES);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        caches.close();
        connection.close();
    }

    @Test
    void concurrentCallersForAMissingKeyWaitForOneLoad() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CacheLoader<Profile> loader = key -> {
            loads.incrementAndGet();
            loading.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            return new Profile(key, "neighborhood");
        };
        List<Future<Profile>> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            callers.add(pool.submit(() -> profiles.getOrLoad("user-7", Profile.class, loader)));
        }
        assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
        Awaitility.await().until(() -> profiles.waitingFor("user-7") == CALLERS - 1);
        release.countDown();

        for (Future<Profile> caller : callers) {
            assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo(new Profile("user-7", "neighborhood"));
        }
        assertThat(loads).hasValue(1);
        assertThat(statistics.stats("user_profiles").loadSuccesses()).isEqualTo(1);
        assertThat(statistics.stats("user_profiles").puts()).isEqualTo(1);
        assertThat(connection.sync().get("user:user-7")).isEqualTo("{\"user_id\":\"user-7\",\"mode\":\"neighborhood\"}");
    }

    @Test
    void aFailingLoadReachesEveryWaiterAndCachesNothing() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        IllegalStateException failure = new IllegalStateException("profile service down");
        CacheLoader<Profile> loader = key -> {
            loads.incrementAndGet();
            loading.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            throw failure;
        };
        List<Future<Profile>> callers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            callers.add(pool.submit(() -> profiles.getOrLoad("user-8", Profile.class, loader)));
        }
        assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
        Awaitility.await().until(() -> profiles.waitingFor("user-8") == CALLERS - 1);
        release.countDown();

        for (Future<Profile> caller : callers) {
            try {
                caller.get(10, TimeUnit.SECONDS);
                throw new AssertionError("a caller got a value from a failed load");
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(CacheLoadException.class).hasCause(failure)
                        .hasMessageContaining("loading key 'user-8' failed");
            }
        }
        assertThat(loads).hasValue(1);
        assertThat(connection.sync().exists("user:user-8")).isZero();
        assertThat(statistics.stats("user_profiles").loadFailures()).isEqualTo(1);
    }

    @Test
    void differentKeysLoadInParallel() throws Exception {
        CountDownLatch bothLoading = new CountDownLatch(2);
        CacheLoader<Profile> loader = key -> {
            bothLoading.countDown();
            assertThat(bothLoading.await(10, TimeUnit.SECONDS)).as("the other key's load ran at the same time").isTrue();
            return new Profile(key, "solo");
        };
        Future<Profile> a = pool.submit(() -> profiles.getOrLoad("a", Profile.class, loader));
        Future<Profile> b = pool.submit(() -> profiles.getOrLoad("b", Profile.class, loader));
        assertThat(a.get(10, TimeUnit.SECONDS).userId()).isEqualTo("a");
        assertThat(b.get(10, TimeUnit.SECONDS).userId()).isEqualTo("b");
    }
}
