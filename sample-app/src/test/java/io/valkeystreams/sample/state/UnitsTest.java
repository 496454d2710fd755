package io.valkeystreams.sample.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void decimalsBecomeTenThousandthsAndBackWithoutTrailingZeros() {
        assertThat(Units.of("x", new BigDecimal("12.34"))).isEqualTo(123_400);
        assertThat(Units.of("x", new BigDecimal("-0.0001"))).isEqualTo(-1);
        assertThat(Units.of("x", new BigDecimal("1.50000"))).isEqualTo(15_000);
        assertThat(Units.toDecimal(123_400)).hasToString("12.34");
        assertThat(Units.toDecimal(1_000_000)).hasToString("100");
        assertThat(Units.toDecimal(0)).hasToString("0");
        assertThat(Units.toDecimal(-12_500)).hasToString("-1.25");
    }

    @Test
    void doublesAreTakenAsTheirShortestDecimalText() {
        assertThat(Units.of("x", 0.1) + Units.of("x", 0.2)).isEqualTo(Units.of("x", 0.3));
        assertThat(Units.of("x", 7.35)).isEqualTo(73_500);
        assertThat(Units.of("x", 1e-4)).isEqualTo(1);
    }

    @Test
    void valuesThatCannotBeKeptExactlyAreRefusedNamingTheField() {
        assertThatThrownBy(() -> Units.of("impact_score", 1.00001))
                .hasMessage("impact_score may have at most 4 decimal places, was 1.00001");
        assertThatThrownBy(() -> Units.of("amount", new BigDecimal("1000000000.01")))
                .hasMessage("amount must be between -1000000000 and 1000000000, was 1000000000.01");
        assertThatThrownBy(() -> Units.of("impact_score", 1e-5))
                .hasMessage("impact_score may have at most 4 decimal places, was 0.00001");
        assertThatThrownBy(() -> Units.of("impact_score", Double.NaN)).hasMessageContaining("finite");
    }
}
