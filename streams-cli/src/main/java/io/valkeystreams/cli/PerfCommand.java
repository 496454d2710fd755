package io.valkeystreams.cli;

import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.events.ReputationEvent;
import io.valkeystreams.core.publish.Publisher;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code perf}: the seed's publish-latency test. */
@Command(name = "perf", mixinStandardHelpOptions = true,
        description = "Publish N reputation events one at a time (synchronously) and report publish latency: "
                + "average, p50, p99, p99.9, max. Exits 1 when the average exceeds --max-latency.",
        footer = {"", "Examples:", "  valkey-streams perf --events 1000 --max-latency 10ms",
                "  valkey-streams perf --events 100000 --warmup 10000 --json"})
final class PerfCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--events", defaultValue = "1000", description = "Events to measure (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--warmup", defaultValue = "500", description = "Events published first and not measured "
            + "(default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--max-latency", defaultValue = "10ms", converter = DurationConverter.class,
            description = "Largest acceptable average publish latency (default ${DEFAULT-VALUE}).")
    Duration maxLatency;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (events < 1 || warmup < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--events must be >= 1 and --warmup >= 0, were " + events + " and " + warmup);
        }
        Histogram histogram = new Histogram(Duration.ofSeconds(10).toNanos(), 3);
        try (StreamsConnection streams = connection.connect();
             Publisher publisher = Publisher.builder(streams, connection.catalog()).build()) {
            for (int i = 0; i < warmup + events; i++) {
                ReputationEvent event = ReputationEvent.of("perf-user-" + (i % 1000), "perf_test", (i % 11) - 5,
                        "perf-group", null, "publish latency test");
                long started = System.nanoTime();
                publisher.publish("reputation.events", event.userId(), event);
                long took = System.nanoTime() - started;
                if (i >= warmup) {
                    histogram.recordValue(Math.min(took, histogram.getHighestTrackableValue()));
                }
            }
        }
        double averageMillis = histogram.getMean() / 1e6;
        boolean pass = histogram.getMean() <= maxLatency.toNanos();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("events", events);
            figures.put("average_ms", averageMillis);
            figures.put("p50_ms", histogram.getValueAtPercentile(50) / 1e6);
            figures.put("p99_ms", histogram.getValueAtPercentile(99) / 1e6);
            figures.put("p999_ms", histogram.getValueAtPercentile(99.9) / 1e6);
            figures.put("max_ms", histogram.getMaxValue() / 1e6);
            figures.put("max_latency_ms", maxLatency.toNanos() / 1e6);
            figures.put("pass", pass);
            out.println(Json.write(figures));
        } else {
            out.printf("published %,d events to reputation.events (after %,d warm-up), one at a time%n", events, warmup);
            out.printf("publish latency: avg %.3f ms  p50 %.3f ms  p99 %.3f ms  p99.9 %.3f ms  max %.3f ms%n",
                    averageMillis, histogram.getValueAtPercentile(50) / 1e6, histogram.getValueAtPercentile(99) / 1e6,
                    histogram.getValueAtPercentile(99.9) / 1e6, histogram.getMaxValue() / 1e6);
            out.printf("%s: average %.3f ms %s %.3f ms%n", pass ? "PASS" : "FAIL", averageMillis,
                    pass ? "<=" : ">", maxLatency.toNanos() / 1e6);
        }
        return pass ? 0 : ValkeyStreamsCli.EXIT_FAILURE;
    }
}
