package io.valkeystreams.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.valkeystreams.core.cache.CacheInvalidator;
import io.valkeystreams.core.cache.CacheListener;
import io.valkeystreams.core.cache.CacheStatistics;
import io.valkeystreams.core.cache.InvalidationMapping;
import io.valkeystreams.core.cache.StreamsCaches;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;

@ValkeyTest
class StreamsCacheAutoConfigurationIT {

    private ApplicationContextRunner runner;

    @BeforeEach
    void runner(ValkeyServer server) {
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(StreamsCacheAutoConfiguration.class))
                .withPropertyValues(ValkeyConnectionConfiguration.URL_PROPERTY + "=" + server.url());
    }

    @Test
    void whenAConnectionIsPresentThenTheFourCachesAreSpringCaches() {
        runner.withUserConfiguration(ValkeyConnectionConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(StreamsCaches.class).hasSingleBean(CacheStatistics.class)
                    .hasSingleBean(CacheInvalidator.class).hasSingleBean(StreamsCacheMetrics.class);
            assertThat(context.getBean(CacheManager.class)).isInstanceOf(StreamsCacheManager.class);
            assertThat(context.getBean(CacheManager.class).getCacheNames())
                    .containsExactly("user_profiles", "reputation_scores", "group_activity", "food_discovery");
            assertThat(context.getBean(CacheManager.class).getCache("sessions")).isNull();
            assertThat(context.getBean(CacheInvalidator.class).mapping()).isEqualTo(InvalidationMapping.defaults());
            assertThat(context.getBean(StreamsCaches.class).nearCacheEnabled()).isFalse();
        });
    }

    @Test
    void whenThereIsNoConnectionThenThereIsNoCache() {
        runner.run(context -> assertThat(context).doesNotHaveBean(StreamsCaches.class)
                .doesNotHaveBean(CacheManager.class).doesNotHaveBean(CacheInvalidator.class));
    }

    @Test
    void whenDisabledThenThereIsNoCache() {
        runner.withUserConfiguration(ValkeyConnectionConfiguration.class)
                .withPropertyValues("valkey.streams.cache.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(StreamsConnection.class)
                        .doesNotHaveBean(StreamsCaches.class).doesNotHaveBean(CacheManager.class));
    }

    @Test
    void whenTheApplicationHasACacheManagerThenItIsKept() {
        runner.withUserConfiguration(ValkeyConnectionConfiguration.class)
                .withBean(CacheManager.class, ConcurrentMapCacheManager::new)
                .run(context -> {
                    assertThat(context.getBean(CacheManager.class)).isInstanceOf(ConcurrentMapCacheManager.class);
                    assertThat(context).hasSingleBean(StreamsCaches.class);
                });
    }

    @Test
    void whenPropertiesOverrideTtlsAndPrefixesAndAddCachesThenValkeyKeysFollowThem() {
        runner.withUserConfiguration(ValkeyConnectionConfiguration.class)
                .withPropertyValues("valkey.streams.cache.caches.reputation_scores.ttl=30",
                        "valkey.streams.cache.caches.food-discovery.prefix=meal:",
                        "valkey.streams.cache.caches[sessions].ttl=20s",
                        "valkey.streams.cache.caches[sessions].prefix=session:",
                        "valkey.streams.cache.caches.trust.name=trust_levels",
                        "valkey.streams.cache.caches.trust.ttl=2m",
                        "valkey.streams.cache.caches.trust.prefix=trust:")
                .run(context -> {
                    CacheManager manager = context.getBean(CacheManager.class);
                    assertThat(manager.getCacheNames()).containsExactly("user_profiles", "reputation_scores",
                            "group_activity", "food_discovery", "sessions", "trust_levels");
                    manager.getCache("reputation_scores").put("u", 1);
                    manager.getCache("food_discovery").put("f", 1);
                    manager.getCache("sessions").put("s", 1);
                    manager.getCache("trust_levels").put("t", 1);
                    StreamsConnection connection = context.getBean(StreamsConnection.class);
                    assertThat(connection.sync().pttl("rep:u")).isCloseTo(30_000L, within(2_000L));
                    assertThat(connection.sync().pttl("meal:f")).isCloseTo(60_000L, within(2_000L));
                    assertThat(connection.sync().pttl("session:s")).isCloseTo(20_000L, within(2_000L));
                    assertThat(connection.sync().pttl("trust:t")).isCloseTo(120_000L, within(2_000L));
                });
    }

    @Test
    void aFurtherCacheIsNamedByItsMapKey() {
        runner.withUserConfiguration(ValkeyConnectionConfiguration.class)
                .withPropertyValues("valkey.streams.cache.caches.my_cache.ttl=1m",
                        "valkey.streams.cache.caches.my_cache.prefix=my:")
                .run(context -> assertThat(context.getBean(CacheManager.class).getCacheNames()).contains("my_cache"));
    }

    @Test
    void whenAFurtherCacheLacksAPrefixThenStartupFailsSayingWhatToSet() {
        runner.withUserConfiguration(ValkeyConnectionConfiguration.class)
                .withPropertyValues("valkey.streams.cache.caches.sessions.ttl=20s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("valkey.streams.cache.caches.sessions: 'sessions' is not a platform"
                                + " cache, so it needs both ttl and prefix"));
    }

    @Test
    void whenTwoCachesShareAPrefixThenStartupFailsNamingThem() {
        runner.withUserConfiguration(ValkeyConnectionConfiguration.class)
                .withPropertyValues("valkey.streams.cache.caches.group_activity.prefix=rep:")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("caches 'reputation_scores' and 'group_activity' have the same keyPrefix"));
    }

    @Test
    void whenTheNearCacheIsEnabledThenReadsAreKeptInProcess() {
        runner.withUserConfiguration(ValkeyConnectionConfiguration.class)
                .withPropertyValues("valkey.streams.cache.near-cache.enabled=true",
                        "valkey.streams.cache.near-cache.max-entries=5")
                .run(context -> {
                    StreamsCaches caches = context.getBean(StreamsCaches.class);
                    assertThat(caches.nearCacheEnabled()).isTrue();
                    CacheManager manager = context.getBean(CacheManager.class);
                    manager.getCache("user_profiles").put("u", "profile");
                    manager.getCache("user_profiles").get("u");
                    manager.getCache("user_profiles").get("u");
                    assertThat(caches.nearCacheSize()).isEqualTo(1);
                    assertThat(context.getBean(CacheStatistics.class).stats("user_profiles").nearHits()).isEqualTo(1);
                });
    }

    @Test
    void applicationListenersAreCalledAlongsideTheStatistics() {
        List<String> misses = new ArrayList<>();
        runner.withUserConfiguration(ValkeyConnectionConfiguration.class)
                .withBean("missRecorder", CacheListener.class, () -> new CacheListener() {
                    @Override
                    public void miss(String cache) {
                        misses.add(cache);
                    }
                })
                .run(context -> {
                    context.getBean(CacheManager.class).getCache("group_activity").get("g-1");
                    assertThat(misses).containsExactly("group_activity");
                    assertThat(context.getBean(CacheStatistics.class).stats("group_activity").misses()).isEqualTo(1);
                });
    }

    @Test
    void theMetricsFollowMicrometersCacheConventions() {
        runner.withUserConfiguration(ValkeyConnectionConfiguration.class).run(context -> {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            context.getBean(StreamsCacheMetrics.class).bindTo(registry);
            CacheManager manager = context.getBean(CacheManager.class);
            manager.getCache("reputation_scores").put("u", 1);
            manager.getCache("reputation_scores").get("u");
            manager.getCache("reputation_scores").get("nobody");
            manager.getCache("reputation_scores").get("loaded", () -> 5);
            manager.getCache("reputation_scores").evict("u");

            assertThat(registry.get("cache.gets").tags("cache", "reputation_scores", "result", "hit")
                    .functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("cache.gets").tags("cache", "reputation_scores", "result", "miss")
                    .functionCounter().count()).isEqualTo(2);
            assertThat(registry.get("cache.puts").tag("cache", "reputation_scores").functionCounter().count())
                    .isEqualTo(2);
            assertThat(registry.get("cache.evictions").tag("cache", "reputation_scores").functionCounter().count())
                    .isEqualTo(1);
            assertThat(registry.get("cache.load").tags("cache", "reputation_scores", "result", "success")
                    .functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("cache.gets").tags("cache", "user_profiles", "result", "hit")
                    .functionCounter().count()).isZero();
            assertThat(registry.find("cache.size").meters()).isEmpty();
        });
    }
}
