package io.valkeystreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.ContainerState;
import io.valkeystreams.test.SpawnedValkeyServer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Valkey is stopped (SIGTERM) or killed (SIGKILL) and started again on the same port and directory while
 * events are published at a steady rate and one group consumes; a second group starts only after the
 * restart, so it must find every acknowledged event in the restarted server. Clients recover by themselves.
 */
class ServerRestartIT extends ScenarioSupport {

    private static final String LIVE = "user_service";
    private static final String LATE = "admin_service";
    private static final int RATE = 300;

    /** The persistence settings and how the server goes down. */
    enum Restart {
        AOF_ALWAYS_GRACEFUL(true, true, "--appendonly", "yes", "--appendfsync", "always"),
        AOF_ALWAYS_SIGKILL(false, true, "--appendonly", "yes", "--appendfsync", "always"),
        AOF_EVERYSEC_GRACEFUL(true, true, "--appendonly", "yes", "--appendfsync", "everysec"),
        AOF_EVERYSEC_SIGKILL(false, false, "--appendonly", "yes", "--appendfsync", "everysec"),
        NO_PERSISTENCE_GRACEFUL(true, false),
        NO_PERSISTENCE_SIGKILL(false, false);

        final boolean graceful;
        final boolean promisesNoLoss;
        final String[] args;

        Restart(boolean graceful, boolean promisesNoLoss, String... args) {
            this.graceful = graceful;
            this.promisesNoLoss = promisesNoLoss;
            this.args = args;
        }

        String slug() {
            return "server-restart-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void clientsRecoverByThemselvesAndTheFileKeepsWhatItPromises(Restart restart) {
        SpawnedValkeyServer server = dedicatedServer(restart.args);
        StreamDefinition stream = stream(PlatformStreams.VERIFICATION_EVENTS);
        StreamsConnection admin = connect(server.url());
        provision(admin, stream);
        Ledger ledger = Ledger.detailed(20_000);
        ledger.expectGroup(stream.name(), LATE);
        ProbeConsumers consumers = consumers(ledger);
        ConsumerContainer live = consumers.start(connect(server.url()), stream, LIVE, ProbeConsumers.quick().build(),
                ProbeConsumers.Behaviour.NONE);
        ProbePublisher publisher = new ProbePublisher(publisher(connect(server.url())), ledger);
        SteadyTraffic traffic = closeLater(SteadyTraffic.start(publisher, List.of(stream.name()), RATE));
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.processed(stream.name(), LIVE) >= RATE / 2);

        Fault fault = ledger.fault(restart.graceful ? "SIGTERM" : "SIGKILL");
        if (restart.graceful) {
            server.stop();
        } else {
            server.kill();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> live.state() == ContainerState.DISCONNECTED);
        server.startProcess();
        fault.cleared();
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.ackedSince(fault.clearedAt()) >= RATE);
        traffic.close();
        consumers.start(connect(server.url()), stream, LATE, ProbeConsumers.quick().build(),
                ProbeConsumers.Behaviour.NONE);
        await().atMost(Duration.ofSeconds(60)).until(() -> drained(admin, stream, LIVE, LATE));

        List<GroupFigures> figures = new Reconciler(admin, ledger).reconcile(List.of(stream));
        ScenarioReport.of(restart.slug())
                .description("verification.events (2 partitions) at " + RATE + " events/s; server args "
                        + String.join(" ", restart.args) + "; " + (restart.graceful ? "SIGTERM" : "SIGKILL")
                        + " and restart on the same port and directory; group " + LIVE + " consumes throughout, "
                        + LATE + " starts after the restart and must find every acknowledged event.")
                .groups(figures)
                .recovery(ledger.publishRecoveryMillis(fault), ledger.handlerRecoveryMillis(fault),
                        "server ready again to the first acknowledged publish / to the first handler call of an "
                                + "event published after the fault")
                .note("fault", fault.label())
                .note("acked_before_fault", ledger.ackedBefore(fault.injectedAt()))
                .note("publish_failures", ledger.failureKinds())
                .note("publish_failure_examples", ledger.failureExamples())
                .duplicates(ledger)
                .write();

        for (GroupFigures group : figures) {
            assertThat(unprocessedAckedAfter(ledger, group, fault.clearedAt()))
                    .as("events acknowledged after the restart that %s did not process", group.group()).isZero();
            if (restart.promisesNoLoss) {
                assertThat(group.lost()).as("acknowledged events lost for %s", group.group()).isZero();
            }
            assertThat(group.deadLettered()).isZero();
        }
    }

    private static long unprocessedAckedAfter(Ledger ledger, GroupFigures group, long since) {
        GroupTally tally = ledger.tally(group.stream(), group.group());
        long missing = 0;
        for (int seq = 0; seq < ledger.attempts(); seq++) {
            if (ledger.isAcked(seq) && ledger.finishedAt(seq) >= since && !tally.isProcessed(seq)) {
                missing++;
            }
        }
        return missing;
    }
}
