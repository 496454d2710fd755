package io.valkeystreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.consume.ConsumerOptions;
import io.valkeystreams.test.SpawnedValkeyServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * At least 60 s of steady publishing to all seven platform streams, consumed by all twenty seed groups
 * (one container each, default options) on a server with the append-only file: per group published,
 * processed, lost and duplicated, the lag sampled every 5 s, and end-to-end latency.
 */
@Tag("long")
class SustainedLoadIT extends ScenarioSupport {

    private static final int RATE = Integer.getInteger("reliability.sustained.rate", 1_500);
    private static final int SECONDS = Integer.getInteger("reliability.sustained.seconds", 60);
    private static final int PUBLISHERS = 3;

    @Test
    void sixtySecondsOfSteadyLoadOnEveryStreamAndGroup() {
        SpawnedValkeyServer server = dedicatedServer("--appendonly", "yes", "--appendfsync", "everysec",
                "--maxmemory-policy", "noeviction");
        StreamsConnection admin = connect(server.url());
        new io.valkeystreams.core.admin.Provisioner(admin).provision(PLATFORM);
        List<StreamDefinition> streams = List.copyOf(PLATFORM.streams());
        Ledger ledger = Ledger.compact(RATE * (SECONDS + 30));
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMillis(10), 3);
        ProbeConsumers consumers = consumers(ledger);
        ConsumerOptions options = ConsumerOptions.defaults();
        int containers = 0;
        for (StreamDefinition stream : streams) {
            StreamsConnection connection = connect(server.url());
            for (String group : stream.groups()) {
                consumers.start(connection, stream, group, options, (probe, delivery) -> {
                    long millis = System.currentTimeMillis()
                            - Long.parseLong(delivery.entryId().substring(0, delivery.entryId().indexOf('-')));
                    synchronized (latency) {
                        latency.recordValue(Math.max(0, Math.min(millis, latency.getHighestTrackableValue())));
                    }
                });
                containers++;
            }
        }
        List<String> names = streams.stream().map(StreamDefinition::name).toList();
        ProbePublisher publisher = new ProbePublisher(publisher(connect(server.url())), ledger);
        List<Map<String, Object>> samples = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        closeLater(sampler::shutdownNow);
        String loadBefore = Machine.loadAverage();
        long started = System.currentTimeMillis();
        List<SteadyTraffic> traffic = new ArrayList<>();
        for (int i = 0; i < PUBLISHERS; i++) {
            traffic.add(closeLater(SteadyTraffic.start(publisher, names, RATE / PUBLISHERS)));
        }
        sampler.scheduleAtFixedRate(() -> samples.add(sample(admin, streams, ledger, started)), 5, 5, TimeUnit.SECONDS);
        long target = (long) RATE * SECONDS;
        await().atMost(Duration.ofSeconds(SECONDS * 3L)).pollInterval(Duration.ofSeconds(1))
                .until(() -> traffic.stream().mapToLong(SteadyTraffic::sent).sum() >= target);
        traffic.forEach(SteadyTraffic::close);
        long publishMillis = System.currentTimeMillis() - started;
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> streams.stream()
                .allMatch(stream -> drained(admin, stream, stream.groups().toArray(String[]::new))));
        long drainedAfter = System.currentTimeMillis() - started;
        sampler.shutdownNow();

        List<GroupFigures> figures = new Reconciler(admin, ledger).reconcile(streams);
        Map<String, Object> latencyMs = new LinkedHashMap<>();
        synchronized (latency) {
            latencyMs.put("p50", latency.getValueAtPercentile(50));
            latencyMs.put("p99", latency.getValueAtPercentile(99));
            latencyMs.put("p999", latency.getValueAtPercentile(99.9));
            latencyMs.put("max", latency.getMaxValue());
        }
        ScenarioReport.of("sustained-load-60s")
                .description("All 7 platform streams, all " + containers + " seed groups (one container each, default "
                        + "ConsumerOptions), " + RATE + " events/s from " + PUBLISHERS + " publishing threads for "
                        + target + " events, server with appendonly everysec; lag sampled every 5 s.")
                .groups(figures)
                .note("containers", containers)
                .note("publish_ms", publishMillis)
                .note("achieved_publish_rate_per_s", ledger.attempts() * 1000L / Math.max(1, publishMillis))
                .note("all_groups_drained_after_ms", drainedAfter)
                .note("end_to_end_latency_ms", latencyMs)
                .note("publish_failures", ledger.failureKinds())
                .note("samples_every_5s", List.copyOf(samples))
                .note("load_average_before", loadBefore)
                .write();

        assertThat(figures).hasSize(containers);
        for (GroupFigures group : figures) {
            assertThat(group.lost()).as("lost in %s/%s", group.stream(), group.group()).isZero();
            assertThat(group.processed()).as("processed in %s/%s", group.stream(), group.group())
                    .isEqualTo(group.ackedValid());
            assertThat(group.deadLettered()).isZero();
        }
    }

    private static Map<String, Object> sample(StreamsConnection admin, List<StreamDefinition> streams, Ledger ledger,
                                              long started) {
        long maxLag = 0;
        double maxLagSeconds = 0;
        long pending = 0;
        for (StreamStatus status : new StatusReader(admin).read(streams)) {
            for (StreamStatus.PartitionStatus partition : status.partitions()) {
                for (StreamStatus.GroupStatus group : partition.groups()) {
                    maxLag = Math.max(maxLag, group.lagEntries());
                    maxLagSeconds = Math.max(maxLagSeconds, group.lagSeconds());
                    pending += group.pending();
                }
            }
        }
        long processed = ledger.tallies().stream().mapToLong(tally -> tally.processedCount()).sum();
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("t_s", (System.currentTimeMillis() - started) / 1000);
        sample.put("published", ledger.attempts());
        sample.put("processed_pairs", processed);
        sample.put("max_lag_entries", maxLag);
        sample.put("max_lag_s", maxLagSeconds);
        sample.put("pending", pending);
        sample.put("load", Machine.loadAverage());
        return sample;
    }
}
