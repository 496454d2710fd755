package io.valkeystreams.cli.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median and range of one figure over the measured rounds.
 *
 * @param median the median (the mean of the two middle values for an even count)
 * @param min    the smallest value
 * @param max    the largest value
 */
record Summary(double median, double min, double max) {

    /**
     * Summarises values.
     *
     * @throws IllegalArgumentException when there are none
     */
    public static Summary of(List<Double> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarise");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(median, sorted.get(0), sorted.get(n - 1));
    }
}
