package io.valkeystreams.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class StreamsCacheIT {

    record Score(String userId, double score) {
    }

    record Unwritable(String value) {
        @Override
        public String value() {
            throw new IllegalStateException("cannot be read");
        }
    }

    private final CacheStatistics statistics = new CacheStatistics();
    private StreamsConnection connection;
    private StreamsCaches caches;
    private StreamsCache reputation;

    @BeforeEach
    void connect(ValkeyServer server) {
        connection = StreamsConnection.connect(server.url());
        caches = StreamsCaches.builder(connection).listener(statistics).build();
        reputation = caches.cache(PlatformCaches.REPUTATION_SCORES);
    }

    @AfterEach
    void close() {
        caches.close();
        connection.close();
    }

    @Test
    void aValueIsJsonUnderThePrefixedKeyWithTheSeedsTtl() {
        reputation.put("user-1", new Score("user-1", 42.5));

        assertThat(connection.sync().get("rep:user-1")).isEqualTo("{\"user_id\":\"user-1\",\"score\":42.5}");
        assertThat(connection.sync().pttl("rep:user-1")).isCloseTo(300_000L, within(2_000L));
        assertThat(reputation.get("user-1", Score.class)).contains(new Score("user-1", 42.5));
        assertThat(statistics.stats("reputation_scores")).extracting(CacheStats::hits, CacheStats::puts)
                .containsExactly(1L, 1L);
    }

    @Test
    void everyPlatformCacheUsesItsSeedTtlAndPrefix() {
        Map<String, Long> expectedTtlSeconds = Map.of("user_profiles", 3600L, "reputation_scores", 300L,
                "group_activity", 900L, "food_discovery", 60L);
        Map<String, String> expectedPrefix = Map.of("user_profiles", "user:", "reputation_scores", "rep:",
                "group_activity", "group:", "food_discovery", "food:");
        for (StreamsCache cache : caches.caches()) {
            cache.put("k1", Map.of("v", 1));
            String key = expectedPrefix.get(cache.name()) + "k1";
            assertThat(connection.sync().pttl(key)).as(key)
                    .isCloseTo(expectedTtlSeconds.get(cache.name()) * 1000, within(2_000L));
        }
        assertThat(caches.caches()).hasSize(4);
    }

    @Test
    void anExplicitTtlOverridesTheCachesTtl() {
        reputation.put("user-1", 1, Duration.ofSeconds(10));
        assertThat(connection.sync().pttl("rep:user-1")).isBetween(8_000L, 10_000L);
    }

    @Test
    void aMissingKeyIsAMiss() {
        assertThat(reputation.get("nobody", Score.class)).isEmpty();
        assertThat(statistics.stats("reputation_scores").misses()).isEqualTo(1);
    }

    @Test
    void invalidateRemovesTheKeyAndSaysWhetherItWasThere() {
        reputation.put("user-1", 1);
        assertThat(reputation.invalidate("user-1")).isTrue();
        assertThat(reputation.invalidate("user-1")).isFalse();
        assertThat(connection.sync().exists("rep:user-1")).isZero();
        assertThat(statistics.stats("reputation_scores").evictions()).isEqualTo(1);
    }

    @Test
    void clearRemovesOnlyThisCachesKeys() {
        for (int i = 0; i < 1_200; i++) {
            reputation.put("user-" + i, i);
        }
        caches.cache(PlatformCaches.USER_PROFILES).put("user-1", "profile");
        connection.sync().set("rep-other", "kept");

        assertThat(reputation.clear()).isEqualTo(1_200);
        assertThat(connection.sync().keys("rep:*")).isEmpty();
        assertThat(connection.sync().get("user:user-1")).isEqualTo("\"profile\"");
        assertThat(connection.sync().get("rep-other")).isEqualTo("kept");
    }

    @Test
    void clearTreatsGlobCharactersInThePrefixLiterally() {
        try (StreamsCaches odd = StreamsCaches.builder(connection).clearDefinitions()
                .define(CacheDefinition.of("odd", Duration.ofMinutes(1), "o*[x]:")).build()) {
            odd.cache("odd").put("1", 1);
            connection.sync().set("oops:1", "kept");
            assertThat(odd.cache("odd").clear()).isEqualTo(1);
            assertThat(connection.sync().get("oops:1")).isEqualTo("kept");
        }
    }

    @Test
    void blankKeysAreRefusedByEveryEntryPointBeforeAnythingIsSent() {
        for (String key : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> reputation.get(key, Score.class))
                    .isInstanceOf(CacheException.class)
                    .hasMessageContaining("cache 'reputation_scores': key must not be blank");
            assertThatThrownBy(() -> reputation.put(key, 1)).isInstanceOf(CacheException.class)
                    .hasMessageContaining("key must not be blank");
            assertThatThrownBy(() -> reputation.put(key, 1, Duration.ofSeconds(1))).isInstanceOf(CacheException.class)
                    .hasMessageContaining("key must not be blank");
            assertThatThrownBy(() -> reputation.invalidate(key)).isInstanceOf(CacheException.class)
                    .hasMessageContaining("key must not be blank");
            assertThatThrownBy(() -> reputation.getOrLoad(key, Score.class, k -> null))
                    .isInstanceOf(CacheException.class).hasMessageContaining("key must not be blank");
        }
        assertThat(connection.sync().dbsize()).isZero();
        assertThat(statistics.stats("reputation_scores").requests()).isZero();
    }

    @Test
    void badValuesTtlsTypesAndLoadersAreRefusedNamingTheFix() {
        assertThatThrownBy(() -> reputation.put("user-1", null)).isInstanceOf(CacheException.class)
                .hasMessageContaining("value for key 'user-1' must not be null; call invalidate(key)");
        assertThatThrownBy(() -> reputation.put("user-1", 1, Duration.ZERO)).isInstanceOf(CacheException.class)
                .hasMessageContaining("ttl for key 'user-1' must be at least 1 ms, was PT0S");
        assertThatThrownBy(() -> reputation.put("user-1", 1, null)).isInstanceOf(CacheException.class)
                .hasMessageContaining("was null");
        assertThatThrownBy(() -> reputation.put("user-1", new Unwritable("x"))).isInstanceOf(CacheException.class)
                .hasMessageContaining("value of type " + Unwritable.class.getName() + " for key 'user-1' cannot be"
                        + " written as JSON");
        assertThatThrownBy(() -> reputation.get("user-1", null)).isInstanceOf(CacheException.class)
                .hasMessageContaining("type must not be null");
        assertThatThrownBy(() -> reputation.getOrLoad("user-1", Score.class, null)).isInstanceOf(CacheException.class)
                .hasMessageContaining("loader for key 'user-1' must not be null");
        assertThat(connection.sync().dbsize()).isZero();
    }

    @Test
    void aValueThatCannotBeReadAsTheTypeIsAnErrorNamingTheKey() {
        connection.sync().set("rep:user-1", "not json");
        assertThatThrownBy(() -> reputation.get("user-1", Score.class)).isInstanceOf(CacheException.class)
                .hasMessageContaining("the value of 'rep:user-1' cannot be read as " + Score.class.getName());
    }

    @Test
    void unknownCachesAreRefusedListingTheDefinedOnes() {
        assertThatThrownBy(() -> caches.cache("sessions")).isInstanceOf(CacheException.class)
                .hasMessageContaining("unknown cache 'sessions'")
                .hasMessageContaining("user_profiles, reputation_scores, group_activity, food_discovery");
        assertThat(caches.find("sessions")).isEmpty();
    }

    @Test
    void definitionsWithDuplicateOrNestedPrefixesOrNamesAreRefused() {
        assertThatThrownBy(() -> StreamsCaches.builder(connection)
                .define(CacheDefinition.of("reputation_history", Duration.ofMinutes(1), "rep:")).build())
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("caches 'reputation_scores' and 'reputation_history' have the same keyPrefix 'rep:'");
        assertThatThrownBy(() -> StreamsCaches.builder(connection)
                .define(CacheDefinition.of("user_sessions", Duration.ofMinutes(1), "user:session:")).build())
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("keyPrefix 'user:session:' of cache 'user_sessions' starts with keyPrefix 'user:'");
        assertThatThrownBy(() -> StreamsCaches.builder(connection)
                .define(PlatformCaches.all().get(0))).isInstanceOf(CacheException.class)
                .hasMessageContaining("cache 'user_profiles' is already defined; use replace");
        assertThatThrownBy(() -> StreamsCaches.builder(connection)
                .replace(CacheDefinition.of("sessions", Duration.ofMinutes(1), "s:"))).isInstanceOf(CacheException.class)
                .hasMessageContaining("cannot replace unknown cache 'sessions'");
    }

    @Test
    void aReplacedDefinitionChangesTheTtlAndAnAddedCacheWorks() {
        try (StreamsCaches custom = StreamsCaches.builder(connection)
                .replace(PlatformCaches.all().get(1).withTtl(Duration.ofSeconds(30)))
                .define(CacheDefinition.of("sessions", Duration.ofSeconds(20), "session:"))
                .build()) {
            custom.cache("reputation_scores").put("u", 1);
            custom.cache("sessions").put("s", 1);
            assertThat(connection.sync().pttl("rep:u")).isBetween(28_000L, 30_000L);
            assertThat(connection.sync().pttl("session:s")).isBetween(18_000L, 20_000L);
        }
    }

    @Test
    void aThrowingListenerDoesNotBreakTheCache() {
        CacheListener broken = new CacheListener() {
            @Override
            public void hit(String cache, boolean nearCache) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void put(String cache) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (StreamsCaches guarded = StreamsCaches.builder(connection).listener(broken).listener(statistics).build()) {
            StreamsCache cache = guarded.cache("reputation_scores");
            cache.put("u", 5);
            assertThat(cache.get("u", Integer.class)).contains(5);
        }
        assertThat(statistics.stats("reputation_scores")).extracting(CacheStats::hits, CacheStats::puts)
                .containsExactly(1L, 1L);
    }

    @Test
    void loadedValuesAreStoredWithTheCacheTtlAndServedFromValkeyAfterwards() {
        List<String> loads = new ArrayList<>();
        Score first = reputation.getOrLoad("user-1", Score.class, key -> {
            loads.add(key);
            return new Score(key, 3);
        });
        Score second = reputation.getOrLoad("user-1", Score.class, key -> {
            loads.add(key);
            return new Score(key, 4);
        });

        assertThat(first).isEqualTo(new Score("user-1", 3));
        assertThat(second).isEqualTo(first);
        assertThat(loads).containsExactly("user-1");
        assertThat(connection.sync().pttl("rep:user-1")).isCloseTo(300_000L, within(2_000L));
        CacheStats stats = statistics.stats("reputation_scores");
        assertThat(stats).extracting(CacheStats::hits, CacheStats::misses, CacheStats::loadSuccesses, CacheStats::puts)
                .containsExactly(1L, 1L, 1L, 1L);
    }

    @Test
    void aNullFromTheLoaderIsReturnedAndNotCached() {
        assertThat(reputation.getOrLoad("ghost", Score.class, key -> null)).isNull();
        assertThat(connection.sync().exists("rep:ghost")).isZero();
        assertThat(reputation.getOrLoad("ghost", Score.class, key -> new Score(key, 1))).isEqualTo(new Score("ghost", 1));
    }

    @Test
    void aFailingLoaderCachesNothingAndIsReportedWithItsCause() {
        IllegalStateException failure = new IllegalStateException("database down");
        assertThatThrownBy(() -> reputation.getOrLoad("user-1", Score.class, key -> {
            throw failure;
        })).isInstanceOf(CacheLoadException.class).hasCause(failure)
                .hasMessageContaining("cache 'reputation_scores': loading key 'user-1' failed");
        assertThat(connection.sync().exists("rep:user-1")).isZero();
        assertThat(statistics.stats("reputation_scores").loadFailures()).isEqualTo(1);
        assertThat(reputation.getOrLoad("user-1", Score.class, key -> new Score(key, 2))).isEqualTo(new Score("user-1", 2));
    }

    @Test
    void aCheckedLoaderExceptionIsTheCause() {
        Exception failure = new java.io.IOException("timeout");
        assertThatThrownBy(() -> reputation.getOrLoad("user-1", Score.class, key -> {
            throw failure;
        })).isInstanceOf(CacheLoadException.class).hasCause(failure);
    }

    @Test
    void aValueStoredWithoutTypeInformationIsReadBackAsMaps() {
        reputation.put("user-1", new Score("user-1", 1));
        Optional<Object> raw = reputation.get("user-1", Object.class);
        assertThat(raw).contains(Map.of("user_id", "user-1", "score", 1.0));
    }
}
