package io.valkeystreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.models.stream.PendingMessages;
import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.ConsumerOptions;
import io.valkeystreams.core.deadletter.DeadLetters;
import io.valkeystreams.test.SpawnedValkeyServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Handlers that throw (for a while, or always), that hang, and that are slow. There is no handler timeout
 * in {@code ConsumerOptions}: a hanging handler holds its partition lane until its container stops, and
 * its entries are then taken over; these scenarios measure what that means.
 */
class HandlerFaultsIT extends ScenarioSupport {

    @Test
    void throwingHandlersAreRetriedUntilTheySucceedOrAreDeadLettered() {
        SpawnedValkeyServer server = dedicatedServer();
        StreamDefinition stream = stream(PlatformStreams.GROUP_MODE_ACTIVITIES);
        String faulty = "food_discovery_service";
        String clean = "partnership_service";
        StreamsConnection admin = connect(server.url());
        provision(admin, stream);
        Ledger ledger = Ledger.detailed(1_000);
        ConsumerOptions options = ProbeConsumers.quick().maxDeliveries(4).build();
        StreamsConnection faultyConnection = connect(server.url());
        consumers(ledger).start(faultyConnection, stream, faulty, options, (probe, delivery) -> {
            if (probe.probeSeq() % 50 == 7) {
                throw new IllegalStateException("always fails");
            }
            if (probe.probeSeq() % 10 == 3 && delivery.deliveryCount() <= 2) {
                throw new IllegalStateException("fails on deliveries 1 and 2");
            }
        });
        StreamsConnection cleanConnection = connect(server.url());
        consumers(ledger).start(cleanConnection, stream, clean, options, ProbeConsumers.Behaviour.NONE);
        ProbePublisher publisher = new ProbePublisher(publisher(connect(server.url())), ledger);
        for (int i = 0; i < 600; i++) {
            publisher.publish(stream.name(), "group-" + i % 32);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> drained(admin, stream, faulty, clean));

        List<GroupFigures> figures = new Reconciler(admin, ledger).reconcile(List.of(stream));
        List<String> errors = DeadLetters.create(admin, PLATFORM).list(stream.name(), faulty, 100).stream()
                .map(letter -> letter.deliveries() + " deliveries: " + letter.error()).distinct().toList();
        ScenarioReport.of("handlers-that-throw")
                .description("group.mode.activities (4 partitions), 600 events, maxDeliveries 4, back-off 100 ms "
                        + "doubling; in " + faulty + " every event with seq % 10 == 3 fails twice then succeeds, "
                        + "every event with seq % 50 == 7 always fails; " + clean + " never fails.")
                .groups(figures)
                .note("dead_letter_errors", errors)
                .duplicates(ledger)
                .write();

        GroupFigures failing = figures.stream().filter(group -> group.group().equals(faulty)).findFirst().orElseThrow();
        GroupFigures healthy = figures.stream().filter(group -> group.group().equals(clean)).findFirst().orElseThrow();
        assertThat(failing.deadLettered()).isEqualTo(12);
        assertThat(failing.processed()).isEqualTo(600 - 12);
        assertThat(failing.handlerFailures()).as("2 failures × 60 transient, 4 × 12 permanent").isEqualTo(168);
        assertThat(failing.lost()).isZero();
        assertThat(errors).containsExactly("4 deliveries: java.lang.IllegalStateException: always fails");
        assertThat(healthy.processed()).isEqualTo(600);
        assertThat(healthy.deadLettered()).isZero();
        assertThat(healthy.handlerFailures()).isZero();
    }

    @Test
    void aHangingHandlerHoldsItsEntriesUntilItsContainerStopsThenTheyAreTakenOver() {
        SpawnedValkeyServer server = dedicatedServer();
        StreamDefinition stream = stream(PlatformStreams.VERIFICATION_EVENTS);
        String group = "trust_service";
        int hangSeq = 10;
        StreamsConnection admin = connect(server.url());
        provision(admin, stream);
        Ledger ledger = Ledger.detailed(1_000);
        CountDownLatch hanging = new CountDownLatch(1);
        ConsumerOptions options = ProbeConsumers.quick().batchSize(20).shutdownTimeout(Duration.ofSeconds(1)).build();
        StreamsConnection hungConnection = connect(server.url());
        ProbeConsumers hungConsumers = consumers(ledger);
        ConsumerContainer hung = hungConsumers.start(hungConnection, stream, group, options, (probe, delivery) -> {
            if (probe.probeSeq() == hangSeq && delivery.deliveryCount() == 1) {
                hanging.countDown();
                new CountDownLatch(1).await();
            }
        });
        ProbePublisher publisher = new ProbePublisher(publisher(connect(server.url())), ledger);
        for (int i = 0; i < 400; i++) {
            publisher.publish(stream.name(), "user-" + i % 64);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> hanging.getCount() == 0);
        AtomicInteger lastProcessed = new AtomicInteger(-1);
        await("the hung container stops reading altogether").atMost(Duration.ofSeconds(30))
                .during(Duration.ofSeconds(2))
                .until(() -> lastProcessed.getAndSet(ledger.processed(stream.name(), group))
                        == ledger.processed(stream.name(), group));
        int processedByHungContainer = ledger.processed(stream.name(), group);
        long heldByHungContainer = pendingOf(admin, stream, group, hung.consumerName());

        StreamsConnection helperConnection = connect(server.url());
        consumers(ledger).start(helperConnection, stream, group, options, ProbeConsumers.Behaviour.NONE);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ledger.processed(stream.name(), group) >= ledger.attempts() - heldByHungContainer
                        && pending(admin, stream, group) == heldByHungContainer);
        await("entries of a live container are not taken over, however long its handler hangs")
                .atMost(Duration.ofSeconds(10)).during(Duration.ofSeconds(3))
                .until(() -> pendingOf(admin, stream, group, hung.consumerName()) == heldByHungContainer);

        Fault stop = ledger.fault("stop of the container with the hanging handler");
        hung.stop();
        long stopMillis = System.currentTimeMillis() - stop.injectedAt();
        stop.cleared();
        await().atMost(Duration.ofSeconds(30)).until(() -> drained(admin, stream, group));

        List<GroupFigures> figures = new Reconciler(admin, ledger).reconcile(List.of(stream));
        ScenarioReport.of("handler-hangs")
                .description("verification.events (2 partitions), 400 events, batchSize 20, shutdownTimeout 1 s, "
                        + "takeoverAfter 1 s; a handler never returns from event " + hangSeq + " (first delivery); "
                        + "a second container joins; then the first is stopped.")
                .groups(figures)
                .recovery("takeover", ledger.firstCallAfter(stop.injectedAt(),
                                call -> call.success() && call.deliveryCount() > 1),
                        "stop() of the hung container called to the first call on one of its entries elsewhere")
                .note("fault_cleared_by", stop.label())
                .note("processed_before_the_container_stalled", processedByHungContainer)
                .note("entries_held_by_the_hung_container", heldByHungContainer)
                .note("stop_returned_after_ms", stopMillis)
                .duplicates(ledger)
                .write();

        GroupFigures outcome = figures.get(0);
        assertThat(heldByHungContainer).as("entries stuck behind the hanging handler").isPositive();
        assertThat(outcome.lost()).isZero();
        assertThat(outcome.processed()).isEqualTo(outcome.ackedValid());
        assertThat(outcome.deadLettered()).isZero();
        assertThat(ledger.tally(stream.name(), group).isProcessed(hangSeq)).isTrue();
    }

    @Test
    void slowHandlersKeepTheirEntriesAndNothingIsHandledTwice() {
        SpawnedValkeyServer server = dedicatedServer();
        StreamDefinition stream = stream(PlatformStreams.ANALYTICS_PLATFORM_METRICS);
        String group = "capacity_planner";
        StreamsConnection admin = connect(server.url());
        provision(admin, stream);
        Ledger ledger = Ledger.detailed(1_000);
        ConsumerOptions options = ProbeConsumers.quick().batchSize(20).build();
        for (int i = 0; i < 2; i++) {
            StreamsConnection connection = connect(server.url());
            consumers(ledger).start(connection, stream, group, options, (probe, delivery) -> Thread.sleep(50));
        }
        ProbePublisher publisher = new ProbePublisher(publisher(connect(server.url())), ledger);
        for (int i = 0; i < 300; i++) {
            publisher.publish(stream.name(), "node-" + i % 16);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> drained(admin, stream, group));

        List<GroupFigures> figures = new Reconciler(admin, ledger).reconcile(List.of(stream));
        ScenarioReport.of("handlers-slow")
                .description("analytics.platform.metrics (2 partitions), 300 events, two containers whose handler "
                        + "takes 50 ms; batchSize 20, so read entries wait up to about 1 s in their lane, as long "
                        + "as takeoverAfter (1 s).")
                .groups(figures)
                .duplicates(ledger)
                .write();

        GroupFigures outcome = figures.get(0);
        assertThat(outcome.lost()).isZero();
        assertThat(outcome.processed()).isEqualTo(300);
        assertThat(outcome.deadLettered()).isZero();
    }

    private static long pendingOf(StreamsConnection connection, StreamDefinition stream, String group, String consumer) {
        long pending = 0;
        for (var key : stream.keys()) {
            PendingMessages summary = connection.sync().xpending(key.key(), group);
            Long count = summary.getConsumerMessageCount().get(consumer);
            pending += count == null ? 0 : count;
        }
        return pending;
    }
}
