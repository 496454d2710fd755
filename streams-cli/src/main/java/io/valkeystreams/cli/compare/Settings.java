package io.valkeystreams.cli.compare;

import java.time.Duration;
import java.util.List;

/**
 * Sizes of a comparison run.
 *
 * @param warmupRounds unmeasured rounds before the measured ones
 * @param rounds       measured rounds
 * @param syncEvents   events per synchronous publish trial
 * @param asyncEvents  events per asynchronous and batch publish trial
 * @param batchSize    events per {@code publishAll} batch (and per raw pipelined batch)
 * @param drainEvents  backlog per drain trial
 * @param rates        end-to-end rates, events a second
 * @param e2eWarmup    unmeasured start of each end-to-end trial
 * @param e2eDuration  measured part of each end-to-end trial
 * @param idleWindow   length of each idle CPU window
 */
record Settings(int warmupRounds, int rounds, int syncEvents, int asyncEvents, int batchSize,
                       int drainEvents, List<Integer> rates, Duration e2eWarmup, Duration e2eDuration,
                       Duration idleWindow) {

    /** Validates the sizes. */
    public Settings {
        if (warmupRounds < 0 || rounds < 1 || syncEvents < 1 || asyncEvents < 1 || batchSize < 1 || drainEvents < 1
                || rates.isEmpty() || rates.stream().anyMatch(rate -> rate < 1)) {
            throw new IllegalArgumentException("compare sizes must be positive (warm-up rounds may be 0)");
        }
        rates = List.copyOf(rates);
    }

    /** A full run: 5 rounds after 1 warm-up (about 10 minutes on 2 cores). */
    public static Settings full() {
        return new Settings(1, 5, 20_000, 200_000, 1000, 100_000, List.of(5_000, 20_000), Duration.ofSeconds(1),
                Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /** A spot check in under two minutes: 3 rounds after 1 warm-up, smaller sizes. */
    public static Settings quick() {
        return new Settings(1, 3, 2_000, 20_000, 1000, 20_000, List.of(5_000, 20_000), Duration.ofMillis(500),
                Duration.ofSeconds(1), Duration.ofSeconds(3));
    }
}
