package io.valkeystreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.SpawnedValkeyServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server with a small {@code maxmemory} and {@code noeviction} fills up under publishing: publishers get
 * a clear {@code OOM} error, consumers go on, every acknowledged event is processed, and publishing works
 * again once memory is raised.
 */
class MemoryFullIT extends ScenarioSupport {

    private static final String GROUP = "behavior_analyzer";
    private static final int OOM_ERRORS = 100;
    private static final int MAX_ATTEMPTS = 100_000;

    @Test
    void publishersGetAClearOutOfMemoryErrorAndNothingAcknowledgedIsLost() {
        SpawnedValkeyServer server = dedicatedServer("--maxmemory", "4mb", "--maxmemory-policy", "noeviction");
        StreamDefinition stream = stream(PlatformStreams.ANALYTICS_USER_BEHAVIOR);
        StreamsConnection admin = connect(server.url());
        provision(admin, stream);
        Ledger ledger = Ledger.detailed(MAX_ATTEMPTS + 1_000);
        StreamsConnection consumerConnection = connect(server.url());
        consumers(ledger).start(consumerConnection, stream, GROUP, ProbeConsumers.quick().build(),
                ProbeConsumers.Behaviour.NONE);
        ProbePublisher publisher = new ProbePublisher(publisher(connect(server.url())), ledger, 512);

        int n = 0;
        while (oomErrors(ledger) < OOM_ERRORS && n++ < MAX_ATTEMPTS) {
            publisher.publish(stream.name(), "user-" + n % 64);
        }
        long processedWhileFull = ledger.processed(stream.name(), GROUP);
        Ledger.Fault raised = ledger.fault("maxmemory raised to 64mb");
        server.call("CONFIG", "SET", "maxmemory", "64mb");
        raised.cleared();
        for (int i = 0; i < 200; i++) {
            publisher.publish(stream.name(), "user-" + i % 64);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> drained(admin, stream, GROUP));

        List<GroupFigures> figures = new Reconciler(admin, ledger).reconcile(List.of(stream));
        ScenarioReport.of("memory-full-noeviction")
                .description("analytics.user.behavior (4 partitions), maxmemory 4mb, noeviction, ~700-byte entries "
                        + "published one by one until " + OOM_ERRORS + " publishes failed, one consumer running; then "
                        + "CONFIG SET maxmemory 64mb and 200 more publishes.")
                .groups(figures)
                .recovery("publish", ledger.publishRecoveryMillis(raised),
                        "maxmemory raised to the first acknowledged publish")
                .note("publish_failures", ledger.failureKinds())
                .note("publish_failure_examples", ledger.failureExamples())
                .note("processed_while_full", processedWhileFull)
                .duplicates(ledger)
                .write();

        GroupFigures group = figures.get(0);
        assertThat(ledger.failureKinds()).containsOnlyKeys("CommandException OOM");
        assertThat(ledger.failureExamples().get("CommandException OOM")).contains("OOM command not allowed");
        assertThat(group.writtenUnacked()).as("refused publishes found in the stream").isZero();
        assertThat(group.lost()).as("acknowledged events lost").isZero();
        assertThat(group.processed()).isEqualTo(group.ackedValid());
        assertThat(ledger.publishRecoveryMillis(raised)).isNotNegative();
    }

    private static long oomErrors(Ledger ledger) {
        return ledger.failureKinds().getOrDefault("CommandException OOM", 0L);
    }
}
