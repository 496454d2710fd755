package io.valkeystreams.sample.reputation;

import io.valkeystreams.sample.state.Units;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Trust levels derived from a reputation score: {@code restricted} below 0, {@code new} from 0, {@code trusted}
 * from 10, {@code verified} from 50 (each bound belongs to the higher level).
 */
public enum TrustLevel {

    /** Score below 0: more complaints than good exchanges. */
    RESTRICTED(null),
    /** Score from 0 to below 10. */
    NEW(BigDecimal.ZERO),
    /** Score from 10 to below 50. */
    TRUSTED(BigDecimal.TEN),
    /** Score 50 and above. */
    VERIFIED(new BigDecimal("50"));

    private final BigDecimal minimum;

    TrustLevel(BigDecimal minimum) {
        this.minimum = minimum;
    }

    /** The level of a score. */
    public static TrustLevel of(BigDecimal score) {
        TrustLevel level = RESTRICTED;
        for (TrustLevel candidate : values()) {
            if (candidate.minimum != null && score.compareTo(candidate.minimum) >= 0) {
                level = candidate;
            }
        }
        return level;
    }

    /** The lowest score of this level, or null for the lowest level. */
    public BigDecimal minimum() {
        return minimum;
    }

    /** The lowest score of this level in score units, or {@link Long#MIN_VALUE} for the lowest level. */
    long minimumUnits() {
        return minimum == null ? Long.MIN_VALUE : Units.of("minimum", minimum);
    }

    /** The name used in JSON and in Valkey: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
