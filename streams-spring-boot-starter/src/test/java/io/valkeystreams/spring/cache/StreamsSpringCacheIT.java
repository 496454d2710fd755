package io.valkeystreams.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valkeystreams.core.cache.CacheException;
import io.valkeystreams.core.cache.JacksonCacheCodec;
import io.valkeystreams.core.cache.StreamsCaches;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.SimpleKey;

@ValkeyTest
class StreamsSpringCacheIT {

    record Score(String userId, double score) {
    }

    enum Mode { SOLO, NEIGHBORHOOD }

    static final class NoText {
    }

    private StreamsConnection connection;
    private StreamsCaches caches;
    private Cache cache;

    @BeforeEach
    void connect(ValkeyServer server) {
        connection = StreamsConnection.connect(server.url());
        caches = StreamsCaches.builder(connection)
                .codec(JacksonCacheCodec.typed(List.of("io.valkeystreams.spring.cache"))).build();
        cache = new StreamsCacheManager(caches).getCache("reputation_scores");
    }

    @AfterEach
    void close() {
        caches.close();
        connection.close();
    }

    @Test
    void valuesAreReadBackWithTheirTypeWithoutBeingAskedForIt() {
        cache.put("user-1", new Score("user-1", 4.5));
        cache.put("count", 42L);

        assertThat(cache.get("user-1").get()).isEqualTo(new Score("user-1", 4.5));
        assertThat(cache.get("count").get()).isEqualTo(42L);
        assertThat(cache.get("user-1", Score.class)).isEqualTo(new Score("user-1", 4.5));
        assertThat(cache.get("nobody")).isNull();
        assertThat(cache.get("nobody", Score.class)).isNull();
        assertThat(connection.sync().get("rep:user-1")).contains("\"user_id\":\"user-1\"").contains("@class");
    }

    @Test
    void aValueOfAnotherTypeIsAnIllegalStateAsSpringSpecifies() {
        cache.put("user-1", "text");
        assertThatThrownBy(() -> cache.get("user-1", Score.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is a java.lang.String, not the required " + Score.class.getName());
    }

    @Test
    void putNullRemovesTheKey() {
        cache.put("user-1", 1);
        cache.put("user-1", null);
        assertThat(connection.sync().exists("rep:user-1")).isZero();
    }

    @Test
    void evictAndClearRemoveKeys() {
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.evictIfPresent("a")).isTrue();
        assertThat(cache.evictIfPresent("a")).isFalse();
        cache.evict("b");
        cache.put("c", 3);
        cache.put("d", 4);
        assertThat(cache.invalidate()).isTrue();
        assertThat(cache.invalidate()).isFalse();
        cache.put("e", 5);
        cache.clear();
        assertThat(connection.sync().keys("rep:*")).isEmpty();
    }

    @Test
    void putIfAbsentKeepsTheExistingValue() {
        assertThat(cache.putIfAbsent("user-1", 1)).isNull();
        assertThat(cache.putIfAbsent("user-1", 2).get()).isEqualTo(1);
    }

    @Test
    void getWithALoaderLoadsOnceAndWrapsItsFailure() {
        assertThat(cache.get("user-1", () -> new Score("user-1", 1))).isEqualTo(new Score("user-1", 1));
        assertThat(cache.get("user-1", () -> new Score("user-1", 2))).isEqualTo(new Score("user-1", 1));
        IllegalStateException failure = new IllegalStateException("down");
        assertThatThrownBy(() -> cache.get("user-2", () -> {
            throw failure;
        })).isInstanceOf(Cache.ValueRetrievalException.class).hasCause(failure);
        Callable<Score> nothing = () -> null;
        assertThat(cache.get("user-3", nothing)).isNull();
        assertThat(connection.sync().exists("rep:user-2", "rep:user-3")).isZero();
    }

    @Test
    void keysBecomeTextByTheirNaturalForm() {
        UUID id = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        cache.put(42, 1);
        cache.put(id, 1);
        cache.put(Mode.NEIGHBORHOOD, 1);
        cache.put(LocalDate.of(2026, 1, 2), 1);
        cache.put(new SimpleKey("user-1", 7), 1);

        assertThat(connection.sync().keys("rep:*")).containsExactlyInAnyOrder("rep:42", "rep:" + id,
                "rep:NEIGHBORHOOD", "rep:2026-01-02", "rep:SimpleKey [user-1, 7]");
    }

    @Test
    void badKeysAreRefusedWithTheFix() {
        assertThatThrownBy(() -> cache.put(new NoText(), 1)).isInstanceOf(CacheException.class)
                .hasMessageContaining("cannot make a key of a " + NoText.class.getName())
                .hasMessageContaining("@Cacheable(key = \"#user.id\")");
        assertThatThrownBy(() -> cache.get(null)).isInstanceOf(CacheException.class)
                .hasMessageContaining("cannot make a key of null");
        assertThatThrownBy(() -> cache.get(" ")).isInstanceOf(CacheException.class)
                .hasMessageContaining("key must not be blank");
        assertThat(connection.sync().dbsize()).isZero();
    }

    @Test
    void completableFutureRetrievalIsNotSupportedAsSpringAllows() {
        assertThatThrownBy(() -> cache.retrieve("user-1")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theNativeCacheIsTheValkeyCache() {
        assertThat(cache.getNativeCache()).isSameAs(caches.cache("reputation_scores"));
        assertThat(cache.getName()).isEqualTo("reputation_scores");
        assertThat(TimeUnit.MILLISECONDS.toSeconds(caches.cache("reputation_scores").definition().ttl().toMillis()))
                .isEqualTo(300);
    }
}
