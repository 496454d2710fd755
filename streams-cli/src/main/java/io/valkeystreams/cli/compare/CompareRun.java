package io.valkeystreams.cli.compare;

import io.valkeystreams.core.publish.Publisher;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs the scenario families interleaved, then derives the ratios of ours to each peer. */
final class CompareRun {

    /** Family names that {@code --only} accepts. */
    public static final List<String> SCENARIOS = List.of("publish-sync", "publish-async", "drain", "e2e", "idle");

    /**
     * Everything a run measured.
     *
     * @param settings the sizes
     * @param families the measured families, in run order
     * @param ratios   ours against each peer
     * @param idle     the idle CPU measurement, or null when not run
     */
    public record Outcome(Settings settings, List<FamilyResult> families, List<Ratio> ratios,
                          IdleCpuScenario.Result idle) {
    }

    private final Clients clients;
    private final Settings settings;
    private final PrintWriter progress;

    CompareRun(Clients clients, Settings settings, PrintWriter progress) {
        this.clients = clients;
        this.settings = settings;
        this.progress = progress;
    }

    Outcome run(Set<String> only) throws Exception {
        List<FamilyResult> results = new ArrayList<>();
        IdleCpuScenario.Result idle = null;
        try (Publisher publisher = Publisher.builder(clients.streams(), Workload.catalog()).build()) {
            PublishScenarios publish = new PublishScenarios(clients, publisher);
            if (only.contains("publish-sync")) {
                results.add(measure(publish.sync(settings.syncEvents())));
            }
            if (only.contains("publish-async")) {
                results.add(measure(publish.async(settings.asyncEvents(), settings.batchSize())));
            }
            if (only.contains("drain")) {
                results.add(measure(new DrainScenario(clients, progress).family(settings.drainEvents())));
            }
            if (only.contains("e2e")) {
                EndToEndScenario e2e = new EndToEndScenario(clients, publisher);
                for (int rate : settings.rates()) {
                    results.add(measure(e2e.family(rate, settings.e2eWarmup(), settings.e2eDuration())));
                }
            }
        }
        if (only.contains("idle")) {
            progress.printf("idle: %d s without containers, then %d s with every platform group subscribed%n",
                    settings.idleWindow().toSeconds(), settings.idleWindow().toSeconds());
            idle = new IdleCpuScenario(clients, progress).run(settings.idleWindow());
        }
        return new Outcome(settings, results, ratios(results), idle);
    }

    private FamilyResult measure(Family family) throws Exception {
        FamilyResult result = new FamilyResult(family.name(), family.description(), family.latency(),
                family.variantNames());
        for (Interleaving.Step step : Interleaving.plan(family.variantNames(), settings.warmupRounds(),
                settings.rounds())) {
            Sample sample = family.variants().get(step.variant()).run();
            progress.printf("%-13s %-8s %-27s %,11.0f events/s%s  CPU %.1f ms/1k%n", family.name(),
                    step.warmup() ? "warm-up" : "round " + (step.round() - settings.warmupRounds() + 1),
                    step.variant(), sample.perSecond(),
                    sample.latency() == null ? "" : String.format("  p50 %,.0f µs  p99 %,.0f µs",
                            sample.latency().p50(), sample.latency().p99()),
                    sample.cpuMillisPer1000());
            if (!step.warmup()) {
                result.add(step.variant(), sample);
            }
        }
        return result;
    }

    /** Ours against each peer, with the targets where it sets one. */
    public static List<Ratio> ratios(List<FamilyResult> results) {
        List<Ratio> ratios = new ArrayList<>();
        find(results, "publish-sync").ifPresent(f -> {
            ratios.add(ratio(f, "sync publish p50 vs lettuce", PublishScenarios.OURS, PublishScenarios.LETTUCE,
                    Metric.P50, 1.25, true));
            ratios.add(ratio(f, "sync publish p99 vs lettuce", PublishScenarios.OURS, PublishScenarios.LETTUCE,
                    Metric.P99, Double.NaN, true));
            ratios.add(ratio(f, "sync publish p50 vs spring-data-redis", PublishScenarios.OURS, PublishScenarios.SDR,
                    Metric.P50, Double.NaN, true));
            ratios.add(ratio(f, "sync publish CPU/1k vs lettuce", PublishScenarios.OURS, PublishScenarios.LETTUCE,
                    Metric.CPU, Double.NaN, true));
        });
        find(results, "publish-async").ifPresent(f -> {
            ratios.add(ratio(f, "batch publish throughput vs lettuce async", PublishScenarios.OURS_BATCH,
                    PublishScenarios.LETTUCE_ASYNC, Metric.THROUGHPUT, 2.0, false));
            ratios.add(ratio(f, "batch publish throughput vs lettuce pipelined", PublishScenarios.OURS_BATCH,
                    PublishScenarios.LETTUCE_PIPELINED, Metric.THROUGHPUT, Double.NaN, false));
            ratios.add(ratio(f, "async publish throughput vs lettuce async", PublishScenarios.OURS_ASYNC,
                    PublishScenarios.LETTUCE_ASYNC, Metric.THROUGHPUT, Double.NaN, false));
            ratios.add(ratio(f, "async publish CPU/1k vs lettuce async", PublishScenarios.OURS_ASYNC,
                    PublishScenarios.LETTUCE_ASYNC, Metric.CPU, Double.NaN, true));
        });
        find(results, "drain").ifPresent(f -> {
            ratios.add(ratio(f, "drain throughput vs lettuce loop", Consumers.OURS, Consumers.LETTUCE,
                    Metric.THROUGHPUT, 0.8, false));
            ratios.add(ratio(f, "drain throughput vs spring-data-redis", Consumers.OURS, Consumers.SDR,
                    Metric.THROUGHPUT, 5.0, false));
            ratios.add(ratio(f, "drain CPU/1k vs lettuce loop", Consumers.OURS, Consumers.LETTUCE, Metric.CPU,
                    Double.NaN, true));
        });
        for (FamilyResult f : results) {
            if (f.name().startsWith("e2e-")) {
                String rate = f.name().substring(4);
                ratios.add(ratio(f, "end-to-end p99 at " + rate + "/s vs lettuce", Consumers.OURS, Consumers.LETTUCE,
                        Metric.P99, rate.equals("5000") ? 1.5 : Double.NaN, true));
                ratios.add(ratio(f, "end-to-end p50 at " + rate + "/s vs lettuce", Consumers.OURS, Consumers.LETTUCE,
                        Metric.P50, Double.NaN, true));
                if (f.variants().contains(Consumers.SDR)) {
                    ratios.add(ratio(f, "end-to-end p99 at " + rate + "/s vs spring-data-redis", Consumers.OURS,
                            Consumers.SDR, Metric.P99, Double.NaN, true));
                }
            }
        }
        return ratios;
    }

    private static Ratio ratio(FamilyResult family, String name, String ours, String peer, Metric metric,
                               double bound, boolean atMost) {
        return new Ratio(name, family.summary(ours, metric).median(), family.summary(peer, metric).median(), bound,
                atMost);
    }

    private static Optional<FamilyResult> find(List<FamilyResult> results, String name) {
        return results.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
