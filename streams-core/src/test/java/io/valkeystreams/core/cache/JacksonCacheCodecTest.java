package io.valkeystreams.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JacksonCacheCodecTest {

    record Score(String userId, double score, long events, Instant updatedAt) {
    }

    private final Score score = new Score("user-1", 42.5, 7, Instant.parse("2026-01-02T03:04:05Z"));

    @Test
    void plainValuesAreSnakeCaseJsonReadBackByType() {
        JacksonCacheCodec codec = new JacksonCacheCodec();
        String text = codec.encode(score);
        assertThat(text).contains("\"user_id\":\"user-1\"").contains("\"score\":42.5").doesNotContain("@class");
        assertThat(codec.decode(text, Score.class)).isEqualTo(score);
        Object map = codec.decode(codec.encode(Map.of("a", 1)), Map.class);
        assertThat(map).isEqualTo(Map.of("a", 1));
    }

    @Test
    void typedValuesAreReadBackWithoutKnowingTheirType() {
        JacksonCacheCodec codec = JacksonCacheCodec.typed(List.of("io.valkeystreams.core.cache"));
        String text = codec.encode(score);
        assertThat(text).contains("\"@class\":\"" + Score.class.getName() + "\"").contains("\"user_id\":\"user-1\"");
        assertThat(codec.decode(text, Object.class)).isEqualTo(score);
        assertThat(codec.decode(text, Score.class)).isEqualTo(score);
    }

    @Test
    void typedScalarsKeepTheirJavaType() {
        JacksonCacheCodec codec = JacksonCacheCodec.typed(List.of());
        assertThat(codec.decode(codec.encode(42L), Object.class)).isEqualTo(42L);
        assertThat(codec.decode(codec.encode(7), Object.class)).isEqualTo(7);
        assertThat(codec.decode(codec.encode("text"), Object.class)).isEqualTo("text");
        assertThat(codec.decode(codec.encode(List.of(1L, 2L)), Object.class)).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void typedReadingRefusesClassesOutsideTheTrustedPackages() {
        JacksonCacheCodec writer = JacksonCacheCodec.typed(List.of("io.valkeystreams"));
        JacksonCacheCodec reader = JacksonCacheCodec.typed(List.of("com.example"));
        String text = writer.encode(score);
        assertThatThrownBy(() -> reader.decode(text, Object.class)).hasMessageContaining(Score.class.getName());
    }

    @Test
    void aBlankTrustedPackageIsRefused() {
        assertThatThrownBy(() -> JacksonCacheCodec.typed(List.of(" ")))
                .isInstanceOf(CacheException.class).hasMessageContaining("trusted package must not be blank");
    }
}
