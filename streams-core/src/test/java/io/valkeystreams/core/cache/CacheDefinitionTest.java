package io.valkeystreams.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheDefinitionTest {

    @Test
    void thePlatformCachesAreTheSpecificationsFour() {
        assertThat(PlatformCaches.all()).containsExactly(
                CacheDefinition.of("user_profiles", Duration.ofSeconds(3600), "user:"),
                CacheDefinition.of("reputation_scores", Duration.ofSeconds(300), "rep:"),
                CacheDefinition.of("group_activity", Duration.ofSeconds(900), "group:"),
                CacheDefinition.of("food_discovery", Duration.ofSeconds(60), "food:"));
        assertThat(PlatformCaches.isPlatformCache(PlatformCaches.REPUTATION_SCORES)).isTrue();
        assertThat(PlatformCaches.isPlatformCache("sessions")).isFalse();
    }

    @Test
    void aValkeyKeyIsThePrefixFollowedByTheKey() {
        assertThat(PlatformCaches.all().get(1).valkeyKey("user-1")).isEqualTo("rep:user-1");
    }

    @Test
    void aBlankNameIsRefused() {
        assertThatThrownBy(() -> CacheDefinition.of(" ", Duration.ofSeconds(1), "x:"))
                .isInstanceOf(CacheException.class).hasMessageContaining("cache name must not be blank");
        assertThatThrownBy(() -> CacheDefinition.of(null, Duration.ofSeconds(1), "x:"))
                .isInstanceOf(CacheException.class).hasMessageContaining("cache name must not be blank");
    }

    @Test
    void aNameWithSpacesIsRefusedWithTheAllowedCharacters() {
        assertThatThrownBy(() -> CacheDefinition.of("my cache", Duration.ofSeconds(1), "x:"))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("cache 'my cache'").hasMessageContaining("letters, digits");
    }

    @Test
    void aNonPositiveTtlIsRefusedNamingTheCacheAndTheValue() {
        assertThatThrownBy(() -> CacheDefinition.of("sessions", Duration.ZERO, "s:"))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("cache 'sessions'").hasMessageContaining("ttl").hasMessageContaining("PT0S");
        assertThatThrownBy(() -> CacheDefinition.of("sessions", Duration.ofSeconds(-5), "s:"))
                .isInstanceOf(CacheException.class).hasMessageContaining("PT-5S");
        assertThatThrownBy(() -> CacheDefinition.of("sessions", Duration.ofNanos(999_999), "s:"))
                .isInstanceOf(CacheException.class).hasMessageContaining("at least 1 ms");
        assertThatThrownBy(() -> CacheDefinition.of("sessions", null, "s:"))
                .isInstanceOf(CacheException.class).hasMessageContaining("was null");
    }

    @Test
    void aBlankPrefixIsRefusedWithASuggestion() {
        assertThatThrownBy(() -> CacheDefinition.of("sessions", Duration.ofSeconds(1), ""))
                .isInstanceOf(CacheException.class)
                .hasMessageContaining("cache 'sessions': keyPrefix must not be blank")
                .hasMessageContaining("'sessions:'");
    }

    @Test
    void copiesChangeOneComponent() {
        CacheDefinition rep = PlatformCaches.all().get(1);
        assertThat(rep.withTtl(Duration.ofSeconds(30)))
                .isEqualTo(CacheDefinition.of("reputation_scores", Duration.ofSeconds(30), "rep:"));
        assertThat(rep.withKeyPrefix("reputation:"))
                .isEqualTo(CacheDefinition.of("reputation_scores", Duration.ofSeconds(300), "reputation:"));
    }

    @Test
    void nearCacheOptionsAreOffByDefaultAndNeedAPositiveLimit() {
        assertThat(NearCacheOptions.disabled().enabled()).isFalse();
        assertThat(NearCacheOptions.enabled(5)).isEqualTo(new NearCacheOptions(true, 5));
        assertThatThrownBy(() -> NearCacheOptions.enabled(0))
                .isInstanceOf(CacheException.class).hasMessageContaining("maxEntries must be at least 1, was 0");
    }
}
