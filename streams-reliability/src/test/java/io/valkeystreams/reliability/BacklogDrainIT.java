package io.valkeystreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.publish.PublisherOptions;
import io.valkeystreams.test.SpawnedValkeyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A backlog of one million events is drained by a consumer in a JVM with a 64 MB heap, several times
 * smaller than the backlog itself; the heap after a full GC is sampled every second and must not grow with
 * what is left to drain.
 */
@Tag("long")
class BacklogDrainIT extends ScenarioSupport {

    private static final int EVENTS = 1_000_000;
    private static final String GROUP = "drain";
    private static final String HEAP = "-Xmx64m";

    @Test
    void aMillionEventBacklogIsDrainedWithBoundedMemory() throws IOException {
        SpawnedValkeyServer server = dedicatedServer();
        StreamDefinition stream = StreamDefinition.builder("reliability.backlog").partitions(8)
                .maxLength(2L * EVENTS).groups(GROUP).build();
        StreamCatalog catalog = StreamCatalog.emptyBuilder().register(stream).build();
        StreamsConnection admin = connect(server.url());
        provision(admin, stream);
        Ledger ledger = Ledger.compact(EVENTS);
        ledger.expectGroup(stream.name(), GROUP);
        ProbePublisher publisher = new ProbePublisher(publisher(connect(server.url()), catalog,
                PublisherOptions.defaults()), ledger);
        long publishStarted = System.currentTimeMillis();
        publisher.publishBacklog(stream.name(), EVENTS, 1_000);
        long publishMillis = System.currentTimeMillis() - publishStarted;
        String usedMemory = admin.sync().info("memory").lines().filter(line -> line.startsWith("used_memory_human:"))
                .findFirst().orElse("used_memory_human:?").substring("used_memory_human:".length()).trim();

        ChildConsumer child = closeLater(ChildConsumer.start("backlog-drain", Path.of("target", "reliability"),
                List.of(HEAP), Map.of("url", server.url(), "stream", stream.name(), "partitions", "8",
                        "maxLength", Long.toString(2L * EVENTS), "groups", GROUP, "flush", "end",
                        "sampleMillis", "1000")));
        child.awaitReady(Duration.ofSeconds(60));
        long drainStarted = System.currentTimeMillis();
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(1))
                .until(() -> drained(admin, stream, GROUP));
        long drainMillis = System.currentTimeMillis() - drainStarted;
        int exit = child.stop(Duration.ofSeconds(60));
        ledger.importCalls(stream.name(), child.records());
        List<long[]> samples = heapSamples(child.heapSamples());

        List<GroupFigures> figures = new Reconciler(admin, ledger).reconcile(List.of(stream));
        ScenarioReport.of("backlog-1m-drain")
                .description(EVENTS + " events (about 200 bytes each) published in pipelined batches of 1,000 to a "
                        + "stream of 8 partitions with no consumer running, then drained by one consumer (batchSize "
                        + "100, 8 lanes) in a separate JVM with " + HEAP + "; heap used after a full GC sampled every "
                        + "second.")
                .groups(figures)
                .note("publish_ms", publishMillis)
                .note("drain_ms", drainMillis)
                .note("drain_rate_per_s", EVENTS * 1000L / Math.max(1, drainMillis))
                .note("valkey_used_memory_with_backlog", usedMemory)
                .note("consumer_jvm", HEAP)
                .note("consumer_exit_code", exit)
                .note("heap_after_gc_mb", summary(samples))
                .note("heap_samples", render(samples))
                .write();

        GroupFigures group = figures.get(0);
        assertThat(exit).as("the consumer JVM stopped cleanly").isZero();
        assertThat(child.output()).doesNotContain("OutOfMemoryError");
        assertThat(group.processed()).isEqualTo(EVENTS);
        assertThat(group.lost()).isZero();
        assertThat(group.duplicated()).as("events the only consumer handled twice").isZero();
        assertThat(samples).hasSizeGreaterThan(3);
    }

    /** Samples as {@code [epochMillis, heapBytes, handledSoFar]}. */
    private static List<long[]> heapSamples(Path file) throws IOException {
        List<long[]> samples = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 3) {
                samples.add(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        return samples;
    }

    /** Min, max, and the max of each quarter of the drain (by events handled), in MB. */
    private static Map<String, Object> summary(List<long[]> samples) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("min", mb(samples.stream().mapToLong(s -> s[1]).min().orElse(0)));
        summary.put("max", mb(samples.stream().mapToLong(s -> s[1]).max().orElse(0)));
        for (int quarter = 0; quarter < 4; quarter++) {
            long from = (long) EVENTS * quarter / 4;
            long to = (long) EVENTS * (quarter + 1) / 4;
            summary.put("max_in_quarter_" + (quarter + 1), mb(samples.stream()
                    .filter(s -> s[2] >= from && s[2] < to).mapToLong(s -> s[1]).max().orElse(0)));
        }
        return summary;
    }

    private static List<String> render(List<long[]> samples) {
        long start = samples.isEmpty() ? 0 : samples.get(0)[0];
        return samples.stream().map(s -> "+" + (s[0] - start) / 1000 + "s " + mb(s[1]) + " MB after "
                + s[2] + " events").toList();
    }

    private static double mb(long bytes) {
        return Math.round(bytes / 1024.0 / 1024.0 * 10) / 10.0;
    }
}
