package io.valkeystreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.test.SpawnedValkeyServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A server with a small {@code maxmemory} and {@code noeviction} fills up under publishing: publishers get
 * a clear {@code OOM} error, consumers go on, every acknowledged event is processed, and publishing works
 * again once memory is raised.
 */
class MemoryFullIT extends ScenarioSupport {

    private static final String GROUP = "behavior_analyzer";
    private static final int OOM_ERRORS = 100;
    private static final int MAX_ATTEMPTS = 100_000;

    private final ListAppender<ILoggingEvent> engineLog = new ListAppender<>();
    private final Logger processorLog = (Logger) LoggerFactory.getLogger("io.valkeystreams.core.consume.EntryProcessor");

    @Test
    void publishersGetAClearOutOfMemoryErrorAndNothingAcknowledgedIsLost() {
        SpawnedValkeyServer server = dedicatedServer("--maxmemory", "4mb", "--maxmemory-policy", "noeviction");
        StreamDefinition stream = stream(PlatformStreams.ANALYTICS_USER_BEHAVIOR);
        StreamsConnection admin = connect(server.url());
        provision(admin, stream);
        Ledger ledger = Ledger.detailed(MAX_ATTEMPTS + 1_000);
        StreamsConnection consumerConnection = connect(server.url());
        consumers(ledger).start(consumerConnection, stream, GROUP, ProbeConsumers.quick().maxDeliveries(3)
                        .backOff(Duration.ofMillis(500), 2.0, Duration.ofSeconds(2), 0.0).build(),
                (probe, delivery) -> {
                    if (probe.probeSeq() % 100 == 42) {
                        throw new IllegalStateException("rejected by the handler");
                    }
                });
        ProbePublisher publisher = new ProbePublisher(publisher(connect(server.url())), ledger, 512);

        int n = 0;
        while (oomErrors(ledger) < OOM_ERRORS && n++ < MAX_ATTEMPTS) {
            publisher.publish(stream.name(), "user-" + n % 64);
        }
        long processedWhileFull = ledger.processed(stream.name(), GROUP);
        await().atMost(Duration.ofSeconds(30)).until(() -> !refusedDeadLetters().isEmpty());
        List<String> refusedDeadLetters = refusedDeadLetters();
        Fault raised = ledger.fault("maxmemory raised to 64mb");
        server.call("CONFIG", "SET", "maxmemory", "64mb");
        raised.cleared();
        for (int i = 0; i < 200; i++) {
            publisher.publish(stream.name(), "user-" + i % 64);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> drained(admin, stream, GROUP));

        List<GroupFigures> figures = new Reconciler(admin, ledger).reconcile(List.of(stream));
        ScenarioReport.of("memory-full-noeviction")
                .description("analytics.user.behavior (4 partitions), maxmemory 4mb, noeviction, ~700-byte entries "
                        + "published one by one until " + OOM_ERRORS + " publishes failed, one consumer running whose "
                        + "handler rejects 1 % of the events (maxDeliveries 3, back-off 0.5 s then 1 s: the dead letters "
                        + "of the last ones are written while memory is full); then CONFIG SET maxmemory 64mb and 200 more publishes.")
                .groups(figures)
                .recovery("publish", ledger.publishRecoveryMillis(raised),
                        "maxmemory raised to the first acknowledged publish")
                .note("fault_cleared_by", raised.label())
                .note("publish_failures", ledger.failureKinds())
                .note("publish_failure_examples", ledger.failureExamples())
                .note("processed_while_full", processedWhileFull)
                .note("dead_letter_writes_refused_while_full", refusedDeadLetters.size())
                .note("dead_letter_refusal_example", refusedDeadLetters.get(0))
                .duplicates(ledger)
                .write();

        GroupFigures group = figures.get(0);
        assertThat(ledger.failureKinds()).containsOnlyKeys("CommandException OOM");
        assertThat(ledger.failureExamples().get("CommandException OOM")).contains("OOM command not allowed");
        assertThat(group.writtenUnacked()).as("refused publishes found in the stream").isZero();
        assertThat(group.lost()).as("acknowledged events lost").isZero();
        assertThat(group.processed() + group.deadLettered()).isEqualTo(group.ackedValid());
        assertThat(group.deadLettered()).as("rejected events dead-lettered").isEqualTo(rejected(ledger));
        assertThat(ledger.publishRecoveryMillis(raised)).isNotNegative();
    }

    /** The consumer's log lines saying that a dead letter could not be written (it stays pending). */
    private List<String> refusedDeadLetters() {
        return List.copyOf(engineLog.list).stream().map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("cannot dead-letter")).toList();
    }

    @BeforeEach
    void captureEngineLog() {
        engineLog.start();
        processorLog.addAppender(engineLog);
    }

    @AfterEach
    void releaseEngineLog() {
        processorLog.detachAppender(engineLog);
    }

    private static long rejected(Ledger ledger) {
        long rejected = 0;
        for (int seq = 42; seq < ledger.attempts(); seq += 100) {
            rejected += ledger.isAcked(seq) ? 1 : 0;
        }
        return rejected;
    }

    private static long oomErrors(Ledger ledger) {
        return ledger.failureKinds().getOrDefault("CommandException OOM", 0L);
    }
}
