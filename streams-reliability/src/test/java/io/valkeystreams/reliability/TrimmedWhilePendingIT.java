package io.valkeystreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.consume.ConsumerOptions;
import io.valkeystreams.test.SpawnedValkeyServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Entries that keep failing are trimmed away while they are pending (retention, or an operator's
 * {@code XTRIM}): each is cleared from the pending list and reported once, nothing stays stuck, and the
 * traffic around them is processed.
 */
class TrimmedWhilePendingIT extends ScenarioSupport {

    private static final String GROUP = "notification_service";
    private static final int FAILING = 100;

    @Test
    void entriesTrimmedWhilePendingAreReportedAndClearedAndTheRestFlows() {
        SpawnedValkeyServer server = dedicatedServer();
        StreamDefinition stream = stream(PlatformStreams.USER_MODE_TRANSITIONS);
        StreamsConnection admin = connect(server.url());
        provision(admin, stream);
        Ledger ledger = Ledger.detailed(1_000);
        ConsumerOptions options = ProbeConsumers.quick().maxDeliveries(50).build();
        StreamsConnection connection = connect(server.url());
        consumers(ledger).start(connection, stream, GROUP, options, (probe, delivery) -> {
            if (probe.probeSeq() < FAILING) {
                throw new IllegalStateException("the downstream service rejects it");
            }
        });
        ProbePublisher publisher = new ProbePublisher(publisher(connect(server.url())), ledger);
        for (int i = 0; i < 300; i++) {
            publisher.publish(stream.name(), "user-" + i % 64);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.processed(stream.name(), GROUP) == 300 - FAILING
                && ledger.tally(stream.name(), GROUP).failures() >= FAILING);

        String firstKept = ledger.entryId(FAILING).orElseThrow();
        Fault trim = ledger.fault("XTRIM MINID " + firstKept);
        long trimmed = admin.sync().xtrim(stream.key(0).key(), io.lettuce.core.XTrimArgs.Builder.minId(firstKept));
        for (int i = 0; i < 100; i++) {
            publisher.publish(stream.name(), "user-" + i % 64);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> drained(admin, stream, GROUP)
                && ledger.trimmedEntryIds(stream.name(), GROUP).size() == FAILING);

        List<GroupFigures> figures = new Reconciler(admin, ledger).reconcile(List.of(stream));
        ScenarioReport.of("trimmed-while-pending")
                .description("user.mode.transitions (1 partition), 400 events; the handler fails the first "
                        + FAILING + " every time (maxDeliveries 50, so they stay pending and are retried); they are "
                        + "trimmed with XTRIM MINID while pending; 100 more events follow.")
                .groups(figures)
                .recovery("handler", ledger.handlerRecoveryMillis(trim),
                        "trim to the first handler call of an event published after it")
                .note("fault", trim.label())
                .note("entries_trimmed", trimmed)
                .note("reported_trimmed_while_pending", ledger.trimmedEntryIds(stream.name(), GROUP).size())
                .duplicates(ledger)
                .write();

        GroupFigures group = figures.get(0);
        assertThat(trimmed).isEqualTo(FAILING);
        assertThat(group.trimmed()).as("acknowledged events reported trimmed while pending").isEqualTo(FAILING);
        assertThat(group.lost()).isZero();
        assertThat(group.processed()).isEqualTo(300);
        assertThat(group.deadLettered()).isZero();
    }
}
