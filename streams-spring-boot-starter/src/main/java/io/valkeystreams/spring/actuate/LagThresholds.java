package io.valkeystreams.spring.actuate;

import java.time.Duration;
import java.util.Map;

/**
 * Lag thresholds: a default and overrides keyed by {@code stream/group}.
 *
 * @param defaultThreshold threshold of groups without an override
 * @param overrides        thresholds keyed by {@code stream/group}
 */
public record LagThresholds(Duration defaultThreshold, Map<String, Duration> overrides) {

    /** Validates the thresholds. */
    public LagThresholds {
        if (defaultThreshold == null || defaultThreshold.isNegative() || defaultThreshold.isZero()) {
            throw new IllegalArgumentException("valkey.streams.lag.threshold must be positive, was " + defaultThreshold);
        }
        overrides.forEach((key, value) -> {
            if (!key.contains("/")) {
                throw new IllegalArgumentException("valkey.streams.lag.thresholds key '" + key
                        + "' must be stream/group, e.g. reputation.events/analytics_service");
            }
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("valkey.streams.lag.thresholds." + key + " must be positive, was "
                        + value);
            }
        });
        overrides = Map.copyOf(overrides);
    }

    /** The threshold of a group. */
    public Duration thresholdOf(String stream, String group) {
        return overrides.getOrDefault(stream + "/" + group, defaultThreshold);
    }
}
