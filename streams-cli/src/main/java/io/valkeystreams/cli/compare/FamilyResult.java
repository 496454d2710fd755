package io.valkeystreams.cli.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The measured samples of one scenario family, per variant, in round order. */
final class FamilyResult {

    private final String name;
    private final String description;
    private final boolean latency;
    private final Map<String, List<Sample>> samples = new LinkedHashMap<>();

    /** An empty result for the family {@code name}; {@code latency} says whether its samples carry latency. */
    public FamilyResult(String name, String description, boolean latency, List<String> variants) {
        this.name = name;
        this.description = description;
        this.latency = latency;
        variants.forEach(variant -> samples.put(variant, new ArrayList<>()));
    }

    /** Adds a measured sample. */
    public void add(String variant, Sample sample) {
        List<Sample> list = samples.get(variant);
        if (list == null) {
            throw new IllegalArgumentException("unknown variant '" + variant + "' of " + name);
        }
        list.add(sample);
    }

    /** The family's name. */
    public String name() {
        return name;
    }

    /** What it measures. */
    public String description() {
        return description;
    }

    /** Whether samples carry latency. */
    public boolean hasLatency() {
        return latency;
    }

    /** The variants, in run order. */
    public List<String> variants() {
        return List.copyOf(samples.keySet());
    }

    /** The samples of a variant. */
    public List<Sample> samples(String variant) {
        return List.copyOf(samples.get(variant));
    }

    /** Median and range of a figure of a variant. */
    public Summary summary(String variant, Metric metric) {
        List<Double> values = new ArrayList<>();
        samples.get(variant).forEach(sample -> values.add(metric.of(sample)));
        return Summary.of(values);
    }
}
