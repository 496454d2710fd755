package io.valkeystreams.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.valkeystreams.core.StreamsException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExponentialBackOffTest {

    private final ExponentialBackOff noJitter =
            new ExponentialBackOff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0.0);

    @Test
    void theDelayGrowsByTheMultiplierWithEachDeliveryUntilTheCap() {
        assertThat(noJitter.delayAfter(1, 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(noJitter.delayAfter(2, 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(noJitter.delayAfter(3, 0.5)).isEqualTo(Duration.ofMillis(400));
        assertThat(noJitter.delayAfter(4, 0.5)).isEqualTo(Duration.ofMillis(800));
        assertThat(noJitter.delayAfter(5, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(noJitter.delayAfter(1_000, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(noJitter.delayAfter(Long.MAX_VALUE, 0.5)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitterTakesAwayUpToItsFractionDependingOnTheRandomDraw() {
        ExponentialBackOff jittered = new ExponentialBackOff(Duration.ofMillis(1000), 2.0, Duration.ofSeconds(10), 0.25);

        assertThat(jittered.delayAfter(1, 0.0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(jittered.delayAfter(1, 0.5)).isEqualTo(Duration.ofMillis(875));
        assertThat(jittered.delayAfter(2, 0.5)).isEqualTo(Duration.ofMillis(1750));
        assertThat(jittered.delayAfter(1, Math.nextDown(1.0))).isGreaterThanOrEqualTo(Duration.ofMillis(750));
        assertThat(jittered.minimumDelay()).isEqualTo(jittered.delayAfter(1, Math.nextDown(1.0)));
        assertThat(jittered.delayAfter(10, 0.0)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theDrawFromTheEntryIdIsStableAndSpreadsEntries() {
        ExponentialBackOff jittered = new ExponentialBackOff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1), 0.5);
        Set<Duration> delays = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String id = "1718000000000-" + i;
            Duration delay = jittered.delayAfter(3, id);
            assertThat(jittered.delayAfter(3, id)).isEqualTo(delay);
            assertThat(delay).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
            delays.add(delay);
        }
        assertThat(delays).hasSizeGreaterThan(40);
    }

    @Test
    void badComponentsAreRefusedNamingFieldAndValue() {
        assertThatThrownBy(() -> new ExponentialBackOff(Duration.ZERO, 2, Duration.ofSeconds(1), 0))
                .isInstanceOf(StreamsException.class).hasMessage("back-off initial delay must be positive, was PT0S");
        assertThatThrownBy(() -> new ExponentialBackOff(Duration.ofMillis(-5), 2, Duration.ofSeconds(1), 0))
                .hasMessageContaining("initial delay must be positive, was PT-0.005S");
        assertThatThrownBy(() -> new ExponentialBackOff(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 0))
                .hasMessage("back-off multiplier must be a finite number >= 1, was 0.5");
        assertThatThrownBy(() -> new ExponentialBackOff(Duration.ofSeconds(1), Double.NaN, Duration.ofSeconds(1), 0))
                .hasMessageContaining("multiplier").hasMessageContaining("NaN");
        assertThatThrownBy(() -> new ExponentialBackOff(Duration.ofSeconds(2), 2, Duration.ofSeconds(1), 0))
                .hasMessage("back-off max delay must be at least the initial delay (PT2S), was PT1S");
        assertThatThrownBy(() -> new ExponentialBackOff(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 1.0))
                .hasMessage("back-off jitter must be in [0, 1), was 1.0");
        assertThatThrownBy(() -> noJitter.delayAfter(0, 0.5)).hasMessage("deliveries must be at least 1, was 0");
        assertThatThrownBy(() -> noJitter.delayAfter(1, 1.0)).hasMessage("unit must be in [0, 1), was 1.0");
        assertThatThrownBy(() -> noJitter.delayAfter(1, (String) null)).hasMessage("entryId must not be null");
    }
}
