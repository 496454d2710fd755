package io.valkeystreams.core.retry;

import io.valkeystreams.core.StreamsException;
import java.time.Duration;

/**
 * Exponential back-off with jitter, capped: after the n-th failed delivery an entry waits
 * {@code min(max, initial × multiplier^(n-1)) × (1 − jitter × u)}, where {@code u} in [0, 1) is drawn
 * from a stable hash of the entry ID and n, so repeated evaluations agree and entries that failed
 * together spread out instead of returning in one burst.
 *
 * @param initial    delay after the first failed delivery, positive
 * @param multiplier growth factor per delivery, at least 1
 * @param max        upper bound of the delay, at least {@code initial}
 * @param jitter     fraction of the delay that is randomised away, in [0, 1)
 */
public record ExponentialBackOff(Duration initial, double multiplier, Duration max, double jitter)
        implements BackOffPolicy {

    /** Validates the components; messages name the field and the value. */
    public ExponentialBackOff {
        if (initial == null || initial.isNegative() || initial.isZero()) {
            throw new StreamsException("back-off initial delay must be positive, was " + initial);
        }
        if (!Double.isFinite(multiplier) || multiplier < 1.0) {
            throw new StreamsException("back-off multiplier must be a finite number >= 1, was " + multiplier);
        }
        if (max == null || max.compareTo(initial) < 0) {
            throw new StreamsException("back-off max delay must be at least the initial delay (" + initial
                    + "), was " + max);
        }
        if (!Double.isFinite(jitter) || jitter < 0.0 || jitter >= 1.0) {
            throw new StreamsException("back-off jitter must be in [0, 1), was " + jitter);
        }
    }

    @Override
    public Duration delayAfter(long deliveries, String entryId) {
        if (entryId == null) {
            throw new StreamsException("entryId must not be null");
        }
        return delayAfter(deliveries, stableUnit(entryId, deliveries));
    }

    /**
     * The delay after {@code deliveries} failed deliveries for a given random draw {@code unit} in [0, 1);
     * {@link #delayAfter(long, String)} draws it from the entry ID.
     */
    public Duration delayAfter(long deliveries, double unit) {
        if (deliveries < 1) {
            throw new StreamsException("deliveries must be at least 1, was " + deliveries);
        }
        if (!(unit >= 0.0 && unit < 1.0)) {
            throw new StreamsException("unit must be in [0, 1), was " + unit);
        }
        double base = initial.toNanos() * Math.pow(multiplier, deliveries - 1);
        double capped = Math.min(base, max.toNanos());
        return Duration.ofNanos(Math.round(capped * (1.0 - jitter * unit)));
    }

    @Override
    public Duration minimumDelay() {
        return delayAfter(1, Math.nextDown(1.0));
    }

    /** SplitMix64 finaliser over the entry ID and delivery count, mapped to [0, 1). */
    static double stableUnit(String entryId, long deliveries) {
        long z = entryId.hashCode() * 0x9E3779B97F4A7C15L + deliveries;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
