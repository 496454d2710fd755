package io.valkeystreams.sample.reputation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TrustLevelTest {

    @Test
    void eachBoundBelongsToTheHigherLevel() {
        assertThat(level("-0.0001")).isEqualTo("restricted");
        assertThat(level("0")).isEqualTo("new");
        assertThat(level("9.9999")).isEqualTo("new");
        assertThat(level("10")).isEqualTo("trusted");
        assertThat(level("49.9999")).isEqualTo("trusted");
        assertThat(level("50")).isEqualTo("verified");
        assertThat(level("100000")).isEqualTo("verified");
    }

    @Test
    void theUpdaterScriptGetsTheSameBoundsInUnits() {
        assertThat(TrustLevel.RESTRICTED.minimumUnits()).isEqualTo(Long.MIN_VALUE);
        assertThat(TrustLevel.NEW.minimumUnits()).isZero();
        assertThat(TrustLevel.TRUSTED.minimumUnits()).isEqualTo(100_000);
        assertThat(TrustLevel.VERIFIED.minimumUnits()).isEqualTo(500_000);
    }

    private static String level(String score) {
        return TrustLevel.of(new BigDecimal(score)).id();
    }
}
