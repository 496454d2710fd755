package io.valkeystreams.spring.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.valkeystreams.core.cache.NearCacheOptions;
import org.junit.jupiter.api.Test;

class StreamsCachePropertiesTest {

    @Test
    void theDefaultsAreCacheOnNearCacheOffWithTheCoreEntryLimit() {
        StreamsCacheProperties properties = new StreamsCacheProperties();
        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.getNearCache().isEnabled()).isFalse();
        assertThat(properties.getNearCache().getMaxEntries()).isEqualTo(NearCacheOptions.DEFAULT_MAX_ENTRIES);
        assertThat(properties.getCaches()).isEmpty();
        assertThat(properties.getTrustedPackages()).isEmpty();
    }
}
