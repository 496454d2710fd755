package io.valkeystreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.SpawnedValkeyServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Connections are killed again and again ({@code CLIENT KILL TYPE normal}), or the server stops answering
 * for longer than the clients' command timeout ({@code CLIENT PAUSE … ALL}) while events are published at
 * a steady rate and consumed. Publishes may fail (not acknowledged; some are written all the same), and
 * consumers recover by themselves; nothing acknowledged is lost.
 */
class ConnectionFaultsIT extends ScenarioSupport {

    private static final String GROUP = "reputation_calculator";
    private static final int RATE = 300;
    private static final int KILLS = 5;
    private static final long PAUSE_MILLIS = 3_000;

    @Test
    void connectionsKilledRepeatedlyLoseNothingAcknowledged() {
        SpawnedValkeyServer server = dedicatedServer();
        StreamDefinition stream = stream(PlatformStreams.REPUTATION_EVENTS);
        StreamsConnection admin = connect(server.url());
        provision(admin, stream);
        Ledger ledger = Ledger.detailed(20_000);
        consumers(ledger).start(connect(server.url()), stream, GROUP, ProbeConsumers.quick().build(),
                ProbeConsumers.Behaviour.NONE);
        ProbePublisher publisher = new ProbePublisher(publisher(connect(server.url())), ledger);
        SteadyTraffic traffic = closeLater(SteadyTraffic.start(publisher, List.of(stream.name()), RATE));

        List<Fault> kills = new ArrayList<>();
        List<Long> killed = new ArrayList<>();
        for (int round = 1; round <= KILLS; round++) {
            int target = round * RATE / 2;
            await().atMost(Duration.ofSeconds(30)).until(() -> ledger.processed(stream.name(), GROUP) >= target);
            kills.add(ledger.fault("CLIENT KILL round " + round));
            killed.add((Long) server.call("CLIENT", "KILL", "TYPE", "normal"));
        }
        Fault last = kills.get(kills.size() - 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.ackedSince(last.clearedAt()) >= RATE / 2);
        traffic.close();
        await().atMost(Duration.ofSeconds(60)).until(() -> drained(admin, stream, GROUP));

        List<GroupFigures> figures = new Reconciler(admin, ledger).reconcile(List.of(stream));
        ScenarioReport.of("connections-killed-repeatedly")
                .description("reputation.events (8 partitions) at " + RATE + " events/s, one consumer; " + KILLS
                        + " rounds of CLIENT KILL TYPE normal (every client connection: publisher, reader, shared), "
                        + "each after another " + RATE / 2 + " events were handled.")
                .groups(figures)
                .recovery(worst(kills, ledger::publishRecoveryMillis), worst(kills, ledger::handlerRecoveryMillis),
                        "worst round: kill to the first acknowledged publish / to the first handler call of an event "
                                + "published after the kill")
                .note("faults", kills.stream().map(Fault::label).toList())
                .note("connections_killed_per_round", killed)
                .note("publish_failures", ledger.failureKinds())
                .note("publish_failure_examples", ledger.failureExamples())
                .duplicates(ledger)
                .write();

        GroupFigures group = figures.get(0);
        assertThat(killed).allMatch(count -> count >= 3);
        assertThat(group.lost()).as("acknowledged events lost").isZero();
        assertThat(group.processed()).isEqualTo(group.ackedValid());
        assertThat(group.deadLettered()).isZero();
    }

    @Test
    void aServerPausedPastTheCommandTimeoutTimesPublishesOutAndLosesNothingAcknowledged() {
        SpawnedValkeyServer server = dedicatedServer();
        String url = server.url() + "?timeout=1s";
        StreamDefinition stream = stream(PlatformStreams.REPUTATION_EVENTS);
        StreamsConnection admin = connect(server.url());
        provision(admin, stream);
        Ledger ledger = Ledger.detailed(20_000);
        consumers(ledger).start(connect(url), stream, GROUP, ProbeConsumers.quick().build(),
                ProbeConsumers.Behaviour.NONE);
        ProbePublisher publisher = new ProbePublisher(publisher(connect(url)), ledger);
        List<SteadyTraffic> traffic = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            traffic.add(closeLater(SteadyTraffic.start(publisher, List.of(stream.name()), RATE / 4)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.processed(stream.name(), GROUP) >= RATE);

        Fault pause = ledger.fault("CLIENT PAUSE " + PAUSE_MILLIS + " ALL");
        server.call("CLIENT", "PAUSE", Long.toString(PAUSE_MILLIS), "ALL");
        pause.clearedAt(pause.injectedAt() + PAUSE_MILLIS);
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.ackedSince(pause.clearedAt()) >= RATE);
        traffic.forEach(SteadyTraffic::close);
        await().atMost(Duration.ofSeconds(60)).until(() -> drained(admin, stream, GROUP));

        List<GroupFigures> figures = new Reconciler(admin, ledger).reconcile(List.of(stream));
        ScenarioReport.of("server-paused-past-timeout")
                .description("reputation.events (8 partitions) at " + RATE + " events/s from 4 publishing threads, "
                        + "one consumer, command timeout 1 s (?timeout=1s); CLIENT PAUSE " + PAUSE_MILLIS + " ALL.")
                .groups(figures)
                .recovery(ledger.publishRecoveryMillis(pause), ledger.handlerRecoveryMillis(pause),
                        "end of the pause to the first acknowledged publish / to the first handler call of an event "
                                + "published after the pause began")
                .note("fault", pause.label())
                .note("publish_failures", ledger.failureKinds())
                .note("publish_failure_examples", ledger.failureExamples())
                .duplicates(ledger)
                .write();

        GroupFigures group = figures.get(0);
        assertThat(group.publishFailed()).as("publishes that timed out during the pause").isPositive();
        assertThat(ledger.failureKinds()).containsOnlyKeys("ConnectionException timeout");
        assertThat(group.lost()).as("acknowledged events lost").isZero();
        assertThat(group.processed()).isGreaterThanOrEqualTo(group.ackedValid());
        assertThat(group.deadLettered()).isZero();
    }

    private static long worst(List<Fault> faults, java.util.function.ToLongFunction<Fault> recovery) {
        long worst = -1;
        for (Fault fault : faults) {
            long value = recovery.applyAsLong(fault);
            if (value < 0) {
                return -1;
            }
            worst = Math.max(worst, value);
        }
        return worst;
    }
}
