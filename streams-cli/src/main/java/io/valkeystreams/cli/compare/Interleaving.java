package io.valkeystreams.cli.compare;

import java.util.ArrayList;
import java.util.List;

/** The order trials run in: warm-up rounds, then measured rounds, each round every variant once (A B A B …). */
final class Interleaving {

    /**
     * One trial.
     *
     * @param round   round number, from 0; warm-up rounds come first
     * @param variant the variant to run
     * @param warmup  whether the trial is a warm-up, not measured
     */
    public record Step(int round, String variant, boolean warmup) {
    }

    private Interleaving() {
    }

    /** The plan for {@code variants}, {@code warmupRounds} unmeasured rounds, then {@code rounds} measured ones. */
    public static List<Step> plan(List<String> variants, int warmupRounds, int rounds) {
        if (variants.isEmpty() || warmupRounds < 0 || rounds < 1) {
            throw new IllegalArgumentException("need variants, warmupRounds >= 0 and rounds >= 1, were "
                    + variants + ", " + warmupRounds + ", " + rounds);
        }
        List<Step> steps = new ArrayList<>();
        for (int round = 0; round < warmupRounds + rounds; round++) {
            for (String variant : variants) {
                steps.add(new Step(round, variant, round < warmupRounds));
            }
        }
        return steps;
    }
}
