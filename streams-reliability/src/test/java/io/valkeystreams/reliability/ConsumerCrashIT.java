package io.valkeystreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.models.stream.PendingMessages;
import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.SpawnedValkeyServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A consumer process is killed with SIGKILL in the middle of its batches; the surviving consumer of the
 * same group takes its pending entries over, and every acknowledged event is processed.
 */
class ConsumerCrashIT extends ScenarioSupport {

    private static final String GROUP = "reputation_calculator";
    private static final int EVENTS = 4_000;
    private static final int WARM_UP = 200;

    @Test
    void aConsumerKilledMidBatchHasItsEntriesTakenOverByTheSurvivor() {
        SpawnedValkeyServer server = dedicatedServer();
        StreamDefinition stream = stream(PlatformStreams.REPUTATION_EVENTS);
        StreamsConnection connection = connect(server.url());
        provision(connection, stream);
        Ledger ledger = Ledger.detailed(EVENTS + 1_000);
        ProbePublisher publisher = new ProbePublisher(publisher(connection), ledger);

        ChildConsumer child = closeLater(ChildConsumer.start("crash-victim", Path.of("target", "reliability"),
                List.of("-Xmx256m"), Map.of("url", server.url(), "stream", stream.name(), "groups", GROUP,
                        "delayMillis", "5", "batchSize", "50", "flush", "each", "takeoverMillis", "2000")));
        String victim = child.awaitReady(Duration.ofSeconds(60));
        publisher.publishBacklog(stream.name(), WARM_UP, WARM_UP);
        await("the consumer process warmed up").atMost(Duration.ofSeconds(60))
                .until(() -> child.recorded() >= WARM_UP && pendingOf(connection, stream, victim) == 0);
        publisher.publishBacklog(stream.name(), EVENTS - WARM_UP, 500);
        ProbeConsumers survivors = consumers(ledger);
        StreamsConnection survivorConnection = connect(server.url());
        survivors.start(survivorConnection, stream, GROUP, ProbeConsumers.quick().batchSize(50)
                .takeoverAfter(Duration.ofSeconds(2)).build(), (probe, delivery) -> Thread.sleep(5));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> child.recorded() >= WARM_UP + EVENTS / 10 && pendingOf(connection, stream, victim) > 0);

        Fault kill = ledger.fault("SIGKILL of the consumer process");
        child.kill();
        long orphaned = pendingOf(connection, stream, victim);
        ledger.importCalls(stream.name(), child.records());
        for (int i = 0; i < 500; i++) {
            publisher.publish(stream.name(), "user-" + i);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.processed(stream.name(), GROUP) == ledger.attempts());
        await().atMost(Duration.ofSeconds(20)).until(() -> pending(connection, stream, GROUP) == 0);

        List<GroupFigures> figures = new Reconciler(connection, ledger).reconcile(List.of(stream));
        long takeover = ledger.firstCallAfter(kill.injectedAt(),
                call -> call.success() && call.deliveryCount() > 1 && call.consumer().startsWith("in-process"));
        ScenarioReport.of("consumer-sigkill-takeover")
                .description("A consumer JVM of group " + GROUP + " on " + stream.name() + " (8 partitions, batches "
                        + "of 50, 5 ms per event, warmed up with " + WARM_UP + " events) is killed with SIGKILL once "
                        + "it handled " + EVENTS / 10 + " events of a " + (EVENTS - WARM_UP) + "-event backlog shared "
                        + "with an in-process survivor (takeoverAfter 2 s), which takes over; 500 more events are "
                        + "published after the kill.")
                .groups(figures)
                .recovery("takeover", takeover, "SIGKILL to the survivor's first call on a taken-over entry")
                .note("fault", kill.label())
                .note("pending_with_killed_consumer", orphaned)
                .note("calls_by_killed_consumer", ledger.calls().stream()
                        .filter(call -> !call.consumer().startsWith("in-process")).count())
                .note("takeovers_reported", survivors.reported().takeovers().size())
                .note("survivor_redeliveries_before_the_kill", ledger.calls().stream()
                        .filter(call -> call.consumer().startsWith("in-process") && call.deliveryCount() > 1
                                && call.at() < kill.injectedAt()).count())
                .duplicates(ledger)
                .write();

        GroupFigures group = figures.get(0);
        assertThat(orphaned).as("entries pending with the killed consumer").isPositive();
        assertThat(group.lost()).as("acknowledged events lost").isZero();
        assertThat(group.processed()).isEqualTo(group.ackedValid());
        assertThat(group.deadLettered()).isZero();
        assertThat(group.firstDeliveryDuplicates()).as("an entry handled twice on its first delivery").isZero();
        assertThat(ledger.sameConsumerDuplicates()).as("events one consumer handled twice")
                .allSatisfy((name, count) -> assertThat(count).isZero());
        assertThat(takeover).as("a taken-over entry was handled").isNotNegative();
    }

    private static long pendingOf(StreamsConnection connection, StreamDefinition stream, String consumer) {
        long pending = 0;
        for (var key : stream.keys()) {
            PendingMessages summary = connection.sync().xpending(key.key(), GROUP);
            Long count = summary.getConsumerMessageCount().get(consumer);
            pending += count == null ? 0 : count;
        }
        return pending;
    }
}
