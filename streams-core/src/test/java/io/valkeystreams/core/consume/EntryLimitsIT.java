package io.valkeystreams.core.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.wire.WireFields;
import io.valkeystreams.test.ValkeyTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class EntryLimitsIT extends ContainerTestSupport {

    record OrderPlaced(String orderId, String note) {
    }

    private final StreamDefinition orders = StreamDefinition.builder("orders").groups("billing").build();

    @BeforeEach
    void provision() {
        new Provisioner(connection).provision(List.of(orders));
    }

    @Test
    void entriesOverTheSizeOrFieldLimitAreDeadLetteredWithoutTheirPayloadAndValidTrafficFlows() {
        List<String> handled = new CopyOnWriteArrayList<>();
        WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "o-1", "note", "fine"));
        WireEntries.Written huge = WireEntries.publish(connection, orders, 0, "order_placed",
                Map.of("order_id", "o-2", "note", "x".repeat(5_000)));
        Map<String, String> many = new HashMap<>(Map.of("order_id", "o-3"));
        for (int i = 0; i < 40; i++) {
            many.put("f" + i, "v");
        }
        WireEntries.Written wide = WireEntries.publish(connection, orders, 0, "order_placed", many);
        WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "o-4", "note", "fine"));

        start(ConsumerContainer.builder(connection, orders, "billing")
                .options(fast().limits(new EntryLimits(1_000, 20)).build())
                .handlers(HandlerRegistry.builder()
                        .on("order_placed", OrderPlaced.class, (event, delivery) -> handled.add(event.orderId()))
                        .build()));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 2
                && connection.sync().xlen(orders.deadLetterKey()) == 2);
        assertThat(handled).containsExactly("o-1", "o-4");
        List<StreamMessage<String, String>> letters = connection.sync().xrange(orders.deadLetterKey(), Range.create("-", "+"));
        assertThat(letters.get(0).getBody()).containsEntry(WireFields.DLQ_SOURCE_ID, huge.id())
                .containsEntry(WireFields.DLQ_DELIVERIES, "1")
                .containsEntry(WireFields.EVENT_TYPE, "order_placed")
                .doesNotContainKeys("note", "order_id")
                .hasEntrySatisfying(WireFields.DLQ_ERROR, error -> assertThat(error)
                        .contains("over the consumer's limit of 1000 bytes (maxEntryBytes)"));
        assertThat(letters.get(1).getBody()).containsEntry(WireFields.DLQ_SOURCE_ID, wide.id())
                .hasEntrySatisfying(WireFields.DLQ_ERROR, error -> assertThat(error)
                        .contains("over the consumer's limit of 20 (maxFields)"));
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(orders.key(0), "billing") == 0);
    }

    @Test
    void limitsAreValidatedNamingTheOption() {
        assertThatThrownBy(() -> new EntryLimits(10, 5)).isInstanceOf(StreamsException.class)
                .hasMessageContaining("maxEntryBytes must be at least 64, was 10");
        assertThatThrownBy(() -> new EntryLimits(1_000, 0)).isInstanceOf(StreamsException.class)
                .hasMessageContaining("maxFields must be at least 1, was 0");
        assertThatThrownBy(() -> ConsumerOptions.builder().limits(null).build()).isInstanceOf(StreamsException.class)
                .hasMessageContaining("limits must not be null");
    }
}
