package io.valkeystreams.cli.compare;

import java.util.List;
import java.util.Map;

/**
 * A scenario and the variants compared in it (ours and the peers), run interleaved.
 *
 * @param name        short name, such as {@code publish-sync}
 * @param description what a trial does
 * @param latency     whether the samples carry latency
 * @param variants    the trials by variant name, in run order
 */
record Family(String name, String description, boolean latency, Map<String, Trial> variants) {

    List<String> variantNames() {
        return List.copyOf(variants.keySet());
    }
}
