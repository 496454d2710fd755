package io.valkeystreams.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.catalog.CatalogException;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.ContainerTestSupport;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.consume.HandlerRegistry;
import io.valkeystreams.core.consume.WireEntries;
import io.valkeystreams.core.wire.WireFields;
import io.valkeystreams.test.ValkeyTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class DeadLettersIT extends ContainerTestSupport {

    private final StreamDefinition payments = StreamDefinition.builder("payments").partitions(2)
            .groups("ledger", "audit").build();
    private final StreamCatalog catalog = StreamCatalog.emptyBuilder().register(payments).build();
    private DeadLetters deadLetters;

    @BeforeEach
    void provision() {
        new Provisioner(connection).provision(List.of(payments));
        deadLetters = DeadLetters.create(connection, catalog);
    }

    @Test
    void replayRedeliversOnlyToTheGroupThatFailedWithTheSameEventId() {
        AtomicBoolean ledgerBroken = new AtomicBoolean(true);
        List<Delivery> ledger = new CopyOnWriteArrayList<>();
        List<Delivery> audit = new CopyOnWriteArrayList<>();
        start(ConsumerContainer.builder(connection, payments, "ledger").options(fast().maxDeliveries(1).build())
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> {
                    if (ledgerBroken.get()) {
                        throw new IllegalStateException("ledger offline");
                    }
                    ledger.add(delivery);
                }).build()));
        start(ConsumerContainer.builder(connection, payments, "audit").options(fast().build())
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> audit.add(delivery)).build()));
        WireEntries.Written written = WireEntries.publish(connection, payments, 1, "payment_made", Map.of("amount", "12.50"));

        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters.count("payments") == 1 && audit.size() == 1);
        DeadLetter letter = deadLetters.list("payments", null, 10).get(0);
        assertThat(letter.group()).isEqualTo("ledger");
        assertThat(letter.source()).isEqualTo("payments:1");
        assertThat(letter.sourceId()).isEqualTo(written.id());
        assertThat(letter.deliveries()).isEqualTo(1);
        assertThat(letter.error()).isEqualTo("java.lang.IllegalStateException: ledger offline");
        assertThat(letter.eventId()).isEqualTo(written.eventId());
        assertThat(letter.eventType()).isEqualTo("payment_made");
        assertThat(letter.fields()).isEqualTo(written.fields());
        assertThat(letter.failedAt()).isBefore(Instant.now().plusSeconds(1));

        ledgerBroken.set(false);
        ReplayResult replay = deadLetters.replay("payments", letter.id());

        assertThat(replay.group()).isEqualTo("ledger");
        assertThat(replay.sourceKey()).isEqualTo("payments:1");
        assertThat(replay.eventId()).isEqualTo(written.eventId());
        assertThat(deadLetters.count("payments")).isZero();
        StreamMessage<String, String> replayed = connection.sync()
                .xrange("payments:1", Range.create(replay.entryId(), replay.entryId())).get(0);
        Map<String, String> expected = new LinkedHashMap<>(written.fields());
        expected.put(WireFields.REPLAY_GROUP, "ledger");
        assertThat(replayed.getBody()).isEqualTo(expected);

        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.size() == 1);
        assertThat(ledger.get(0).eventId()).isEqualTo(written.eventId());
        assertThat(ledger.get(0).entryId()).isEqualTo(replay.entryId());
        await().atMost(Duration.ofSeconds(10)).until(() -> lastDelivered("payments:1", "audit").equals(replay.entryId())
                && pending(payments.key(1), "audit") == 0);
        assertThat(audit).hasSize(1).allSatisfy(delivery -> assertThat(delivery.entryId()).isEqualTo(written.id()));
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(payments, "ledger") == 0);
    }

    @Test
    void listShowAndPurgeWorkPerEntryAndPerGroup() {
        String first = deadLetter("ledger", "boom 1");
        String second = deadLetter("audit", "boom 2");
        String third = deadLetter("ledger", "boom 3");

        assertThat(deadLetters.count("payments")).isEqualTo(3);
        assertThat(deadLetters.list("payments", null, 10)).extracting(DeadLetter::id).containsExactly(first, second, third);
        assertThat(deadLetters.list("payments", "ledger", 10)).extracting(DeadLetter::error).containsExactly("boom 1", "boom 3");
        assertThat(deadLetters.list("payments", null, 1)).extracting(DeadLetter::id).containsExactly(first);
        DeadLetter shown = deadLetters.show("payments", second).orElseThrow();
        assertThat(shown.group()).isEqualTo("audit");
        assertThat(shown.fields()).containsEntry("amount", "1").doesNotContainKey(WireFields.DLQ_ERROR);
        assertThat(shown.failedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        assertThat(deadLetters.show("payments", "1-1")).isEmpty();

        assertThat(deadLetters.purge("payments", first)).isTrue();
        assertThat(deadLetters.purge("payments", first)).isFalse();
        assertThat(deadLetters.purgeAll("payments", "audit")).isEqualTo(1);
        assertThat(deadLetters.list("payments", null, 10)).extracting(DeadLetter::id).containsExactly(third);
        assertThat(deadLetters.purgeAll("payments", null)).isEqualTo(1);
        assertThat(deadLetters.count("payments")).isZero();
    }

    @Test
    void replayAllReplaysEveryDeadLetterOfAGroupAndKeepsTheOthers() {
        deadLetter("ledger", "a");
        String auditLetter = deadLetter("audit", "b");
        deadLetter("ledger", "c");

        List<ReplayResult> results = deadLetters.replayAll("payments", "ledger");

        assertThat(results).hasSize(2).allSatisfy(result -> assertThat(result.group()).isEqualTo("ledger"));
        assertThat(deadLetters.list("payments", null, 10)).extracting(DeadLetter::id).containsExactly(auditLetter);
        assertThat(connection.sync().xlen("payments:0")).isEqualTo(2);
    }

    @Test
    void deadLettersThatCannotBeReplayedAreRefusedWithTheReason() {
        String foreignGroup = deadLetter("marketing", "x");
        Map<String, String> badSource = letterFields("ledger", "y");
        badSource.put(WireFields.DLQ_SOURCE, "elsewhere:7");
        String foreignSource = connection.sync().xadd("payments:dlq", badSource);

        assertThatThrownBy(() -> deadLetters.replay("payments", foreignGroup)).isInstanceOf(StreamsException.class)
                .hasMessageContaining("names group 'marketing', which is not a consumer group of stream 'payments'");
        assertThatThrownBy(() -> deadLetters.replay("payments", foreignSource))
                .hasMessageContaining("names source 'elsewhere:7', which is not a partition key of stream 'payments'");
        assertThatThrownBy(() -> deadLetters.replay("payments", "1-1"))
                .hasMessageContaining("dead letter '1-1' does not exist in payments:dlq");
        assertThat(deadLetters.count("payments")).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedNamingTheArgument() {
        assertThatThrownBy(() -> DeadLetters.create(null, catalog)).hasMessage("connection must not be null");
        assertThatThrownBy(() -> DeadLetters.create(connection, null)).hasMessage("catalog must not be null");
        assertThatThrownBy(() -> deadLetters.list("nope", null, 10)).isInstanceOf(CatalogException.class)
                .hasMessage("unknown stream 'nope'; known streams: payments");
        assertThatThrownBy(() -> deadLetters.list(" ", null, 10)).hasMessage("stream must not be blank");
        assertThatThrownBy(() -> deadLetters.list("payments", null, 0)).hasMessage("limit must be at least 1, was 0");
        assertThatThrownBy(() -> deadLetters.list("payments", "", 5))
                .hasMessage("group must not be blank; pass null for every group");
        assertThatThrownBy(() -> deadLetters.show("payments", "abc"))
                .hasMessage("dead letter id must be an entry ID like 1718000000000-0, was 'abc'");
        assertThatThrownBy(() -> deadLetters.purge("payments", null)).hasMessageContaining("was 'null'");
        assertThatThrownBy(() -> DeadLetters.writer(connection).recover(null)).hasMessage("failed entry must not be null");
    }

    private String deadLetter(String group, String error) {
        return connection.sync().xadd("payments:dlq", letterFields(group, error));
    }

    private static Map<String, String> letterFields(String group, String error) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(WireFields.EVENT_ID, UUID.randomUUID().toString());
        fields.put(WireFields.EVENT_TYPE, "payment_made");
        fields.put(WireFields.PARTITION, "0");
        fields.put("amount", "1");
        fields.put(WireFields.DLQ_GROUP, group);
        fields.put(WireFields.DLQ_SOURCE, "payments:0");
        fields.put(WireFields.DLQ_SOURCE_ID, "1700000000000-0");
        fields.put(WireFields.DLQ_DELIVERIES, "5");
        fields.put(WireFields.DLQ_ERROR, error);
        fields.put(WireFields.DLQ_FAILED_AT, "1700000000000");
        return fields;
    }

    private String lastDelivered(String key, String group) {
        for (Object raw : connection.sync().xinfoGroups(key)) {
            List<?> info = (List<?>) raw;
            Map<String, Object> fields = new LinkedHashMap<>();
            for (int i = 0; i + 1 < info.size(); i += 2) {
                fields.put(String.valueOf(info.get(i)), info.get(i + 1));
            }
            if (group.equals(fields.get("name"))) {
                return String.valueOf(fields.get("last-delivered-id"));
            }
        }
        return "";
    }
}
