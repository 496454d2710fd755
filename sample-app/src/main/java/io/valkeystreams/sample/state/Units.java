package io.valkeystreams.sample.state;

import java.math.BigDecimal;

/**
 * Exact decimals stored as integers of ten-thousandths ({@code 12.34} is {@code 123400}), so sums are
 * {@code HINCRBY}s and never binary floating point.
 */
public final class Units {

    /** Decimal places kept. */
    public static final int SCALE = 4;
    /** Largest magnitude of one value. */
    public static final BigDecimal MAX_VALUE = new BigDecimal("1000000000");

    private Units() {
    }

    /**
     * The value in ten-thousandths.
     *
     * @param field names the value in the error message
     * @throws IllegalArgumentException when the value has more than {@value #SCALE} decimal places or exceeds
     *                                  {@link #MAX_VALUE} in magnitude
     */
    public static long of(String field, BigDecimal value) {
        BigDecimal exact = value.stripTrailingZeros();
        if (exact.scale() > SCALE) {
            throw new IllegalArgumentException(field + " may have at most " + SCALE + " decimal places, was "
                    + exact.toPlainString());
        }
        if (exact.abs().compareTo(MAX_VALUE) > 0) {
            throw new IllegalArgumentException(field + " must be between -" + MAX_VALUE + " and " + MAX_VALUE
                    + ", was " + value.toPlainString());
        }
        return exact.movePointRight(SCALE).longValueExact();
    }

    /** {@link #of(String, BigDecimal)} for a double as its shortest decimal text ({@code 0.1} is exactly 0.1). */
    public static long of(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, was " + value);
        }
        return of(field, BigDecimal.valueOf(value));
    }

    /** The decimal of a number of ten-thousandths, without trailing zeros ({@code 123400} is {@code 12.34}). */
    public static BigDecimal toDecimal(long units) {
        BigDecimal value = BigDecimal.valueOf(units, SCALE).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}
