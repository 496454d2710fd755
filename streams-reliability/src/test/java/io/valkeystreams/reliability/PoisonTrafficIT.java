package io.valkeystreams.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.consume.ConsumerOptions;
import io.valkeystreams.core.consume.UnknownTypePolicy;
import io.valkeystreams.core.publish.InvalidEventException;
import io.valkeystreams.core.publish.PublishRequest;
import io.valkeystreams.test.SpawnedValkeyServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Poison entries — random field maps, unknown types, fields of the wrong type, a 600,000-digit number —
 * written with plain {@code XADD} among valid events (some with 900 KB values) to a stream consumed by two
 * groups: every poison entry is dead-lettered by both groups on its first delivery with its reason, every
 * valid event is processed, and the publisher refuses an event over its size limit before writing it.
 */
class PoisonTrafficIT extends ScenarioSupport {

    private static final List<String> GROUPS = List.of("revenue_tracker", "growth_analyzer");
    private static final int VALID = 1_000;
    private static final int POISON_EVERY = 10;
    private static final int HUGE_VALUES = 3;

    @Test
    void poisonIsDeadLetteredWithItsReasonAndValidTrafficFlows() {
        SpawnedValkeyServer server = dedicatedServer();
        StreamDefinition stream = stream(PlatformStreams.ANALYTICS_BUSINESS_EVENTS);
        StreamsConnection admin = connect(server.url());
        provision(admin, stream);
        Ledger ledger = Ledger.detailed(VALID * 2);
        ConsumerOptions options = ProbeConsumers.quick().unknownTypePolicy(UnknownTypePolicy.DEAD_LETTER).build();
        for (String group : GROUPS) {
            StreamsConnection connection = connect(server.url());
            consumers(ledger).start(connection, stream, group, options, ProbeConsumers.Behaviour.NONE);
        }
        ProbePublisher publisher = new ProbePublisher(publisher(connect(server.url())), ledger);
        ProbePublisher huge = new ProbePublisher(publisher(connect(server.url())), ledger, 900_000);
        Random random = new Random(9);

        int poison = 0;
        for (int i = 0; i < VALID; i++) {
            publisher.publish(stream.name(), "user-" + i % 64);
            if (i % POISON_EVERY == 0) {
                ProbePublisher.writePoison(admin, ledger, stream, random.nextInt(stream.partitions()),
                        Probes.kind(poison++), random);
            }
            if (i % (VALID / HUGE_VALUES) == 1) {
                huge.publish(stream.name(), "user-" + i % 64);
            }
        }
        InvalidEventException refused = refusedOverLimit(publisher(connect(server.url())), stream);
        await().atMost(Duration.ofSeconds(60)).until(() -> drained(admin, stream, GROUPS.toArray(String[]::new)));

        List<GroupFigures> figures = new Reconciler(admin, ledger).reconcile(List.of(stream));
        ScenarioReport.of("poison-mixed-into-traffic")
                .description(VALID + " valid events (" + HUGE_VALUES + " more with a 900 KB value) and " + poison
                        + " poison entries (" + List.of(Probes.Poison.values()) + " in rotation, plain XADD) on "
                        + "analytics.business.events (8 partitions), groups " + GROUPS + ", unknown types dead-lettered.")
                .groups(figures)
                .note("dead_letter_reasons", reasons(admin, stream))
                .note("publisher_refusal_over_1MiB", refused.getMessage())
                .duplicates(ledger)
                .write();

        for (GroupFigures group : figures) {
            assertThat(group.poisonDeadLettered()).as("poison dead-lettered by %s", group.group()).isEqualTo(poison);
            assertThat(group.poisonProcessed()).isZero();
            assertThat(group.deadLettered()).as("nothing valid dead-lettered").isEqualTo(poison);
            assertThat(group.lost()).isZero();
            assertThat(group.processed()).isEqualTo(group.ackedValid()).isEqualTo(VALID + HUGE_VALUES);
            assertThat(group.redelivered()).as("poison is not retried").isZero();
        }
        assertThat(refused.getMessage()).contains("over the limit of 1048576 bytes");
    }

    private static InvalidEventException refusedOverLimit(io.valkeystreams.core.publish.Publisher publisher,
                                                          StreamDefinition stream) {
        try {
            publisher.publish(PublishRequest.of(stream.name(), "user-1", Probes.valid(-1, 2_000_000)));
        } catch (InvalidEventException e) {
            return e;
        }
        throw new AssertionError("an event of 2 MB was published");
    }

    /** Dead letters per reason: the error text up to its first colon (exception or decoding problem). */
    private static Map<String, Integer> reasons(StreamsConnection connection, StreamDefinition stream) {
        Map<String, Integer> reasons = new TreeMap<>();
        List<StreamMessage<String, String>> letters = connection.sync().xrange(stream.deadLetterKey(),
                Range.create("-", "+"), Limit.from(10_000));
        for (StreamMessage<String, String> letter : letters) {
            String error = letter.getBody().getOrDefault("dlq_error", "?").replace("io.valkeystreams.core.wire.", "");
            String reason = error.length() > 140 ? error.substring(0, 140) + "…" : error;
            reasons.merge(reason.replaceAll("'unknown_[0-9a-z]+'", "'unknown_…'").replaceAll("\\d{5,}", "…"), 1,
                    Integer::sum);
        }
        return reasons;
    }
}
