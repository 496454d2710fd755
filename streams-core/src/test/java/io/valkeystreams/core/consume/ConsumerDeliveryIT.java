package io.valkeystreams.core.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.wire.WireFields;
import io.valkeystreams.test.ValkeyTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@ValkeyTest
class ConsumerDeliveryIT extends ContainerTestSupport {

    record ReputationChanged(String userId, int impactScore) {
    }

    record OrderPlaced(String orderId, int amount) {
    }

    private final StreamDefinition orders = StreamDefinition.builder("orders").groups("billing", "shipping").build();

    @Test
    void everyEventOfAllSevenPlatformStreamsReachesEveryGroupAndIsAcknowledged() {
        StreamCatalog catalog = StreamCatalog.platform();
        new Provisioner(connection).provision(catalog);
        Map<String, Set<String>> published = new HashMap<>();
        for (StreamDefinition definition : catalog.streams()) {
            Set<String> ids = new HashSet<>();
            for (int p = 0; p < definition.partitions(); p++) {
                for (int i = 0; i < 2; i++) {
                    String type = definition.name().equals(PlatformStreams.REPUTATION_EVENTS) ? "reputation_changed" : "generic";
                    ids.add(WireEntries.publish(connection, definition, p, type,
                            Map.of("user_id", "user-" + p + "-" + i, "impact_score", Integer.toString(i + 1))).eventId());
                }
            }
            published.put(definition.name(), ids);
        }
        Map<String, Set<String>> seen = new ConcurrentHashMap<>();
        List<ReputationChanged> decoded = new CopyOnWriteArrayList<>();
        ConsumerOptions options = fast().recoveryInterval(Duration.ofMillis(200)).takeoverAfter(Duration.ofSeconds(1))
                .partitionConcurrency(2).build();
        for (StreamDefinition definition : catalog.streams()) {
            for (String group : definition.groups()) {
                Set<String> ids = seen.computeIfAbsent(definition.name() + "/" + group, k -> ConcurrentHashMap.newKeySet());
                HandlerRegistry handlers = HandlerRegistry.builder()
                        .on("reputation_changed", ReputationChanged.class, (event, delivery) -> {
                            decoded.add(event);
                            ids.add(delivery.eventId());
                        })
                        .onAny((envelope, delivery) -> ids.add(envelope.eventId()))
                        .build();
                start(ConsumerContainer.builder(connection, definition, group).handlers(handlers).options(options));
            }
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (StreamDefinition definition : catalog.streams()) {
                for (String group : definition.groups()) {
                    assertThat(seen.get(definition.name() + "/" + group)).as(definition.name() + "/" + group)
                            .isEqualTo(published.get(definition.name()));
                }
            }
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (StreamDefinition definition : catalog.streams()) {
                for (String group : definition.groups()) {
                    assertThat(pending(definition, group)).as(definition.name() + "/" + group).isZero();
                }
            }
        });
        assertThat(decoded).hasSize(3 * 16).contains(new ReputationChanged("user-4-1", 2));
    }

    @Test
    void entriesOfOnePartitionAreHandledStrictlyInIdOrderWhilePartitionsRunConcurrently() {
        StreamDefinition events = StreamDefinition.builder("ordered").partitions(4).groups("g").build();
        Map<Integer, List<String>> written = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            int partition = i % 4;
            written.computeIfAbsent(partition, p -> new ArrayList<>())
                    .add(WireEntries.publish(connection, events, partition, "tick", Map.of("n", Integer.toString(i))).id());
        }
        Map<Integer, List<String>> handled = new ConcurrentHashMap<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        HandlerRegistry handlers = HandlerRegistry.builder().onAny((envelope, delivery) -> {
            handled.computeIfAbsent(delivery.partition(), p -> new CopyOnWriteArrayList<>()).add(delivery.entryId());
            threads.add(Thread.currentThread().getName());
        }).build();

        start(ConsumerContainer.builder(connection, events, "g").handlers(handlers)
                .options(fast().batchSize(25).partitionConcurrency(4).build()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(handled.values().stream().mapToInt(List::size).sum()).isEqualTo(400));
        for (int p = 0; p < 4; p++) {
            assertThat(handled.get(p)).as("partition " + p).containsExactlyElementsOf(written.get(p));
        }
        assertThat(threads).allMatch(name -> name.startsWith("valkey-streams-worker-ordered-g-"));
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(events, "g") == 0);
    }

    @Test
    void poisonEntriesAreDeadLetteredAtOnceAndThePartitionKeepsFlowing() {
        RecordingListener listener = new RecordingListener();
        List<String> handled = new CopyOnWriteArrayList<>();
        WireEntries.Written first = WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "o-1", "amount", "10"));
        WireEntries.Written noType = WireEntries.raw(connection, orders.key(0), Map.of("order_id", "o-2", "amount", "5"));
        WireEntries.Written second = WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "o-3", "amount", "7"));
        WireEntries.Written undecodable = WireEntries.publish(connection, orders, 0, "order_placed",
                Map.of("order_id", "o-4", "amount", "ten"));
        WireEntries.Written third = WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "o-5", "amount", "1"));

        start(ConsumerContainer.builder(connection, orders, "billing").listener(listener).options(fast().build())
                .handlers(HandlerRegistry.builder()
                        .on("order_placed", OrderPlaced.class, (event, delivery) -> handled.add(event.orderId()))
                        .build()));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 3 && deadLetters(orders) == 2);
        assertThat(handled).containsExactly("o-1", "o-3", "o-5");
        var letters = connection.sync().xrange(orders.deadLetterKey(), io.lettuce.core.Range.create("-", "+"));
        assertThat(letters.get(0).getBody()).containsEntry(WireFields.DLQ_SOURCE_ID, noType.id())
                .containsEntry(WireFields.DLQ_DELIVERIES, "1").containsEntry(WireFields.DLQ_GROUP, "billing")
                .containsEntry("order_id", "o-2")
                .hasEntrySatisfying(WireFields.DLQ_ERROR, error -> assertThat(error)
                        .startsWith("io.valkeystreams.core.wire.EventDecodingException: entry has no event_type field"));
        assertThat(letters.get(1).getBody()).containsEntry(WireFields.DLQ_SOURCE_ID, undecodable.id())
                .containsEntry(WireFields.DLQ_DELIVERIES, "1")
                .hasEntrySatisfying(WireFields.DLQ_ERROR, error -> assertThat(error)
                        .startsWith("io.valkeystreams.core.wire.EventDecodingException").contains("amount"));
        assertThat(listener.retries).isEmpty();
        assertThat(listener.deadLetters).hasSize(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(orders.key(0), "billing") == 0);
        assertThat(List.of(first.id(), second.id(), third.id())).isSorted();
    }

    @Test
    void unknownEventTypesAreAcknowledgedAndCountedByDefault() {
        RecordingListener listener = new RecordingListener();
        WireEntries.publish(connection, orders, 0, "mystery", Map.of("x", "1"));
        WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "o-1", "amount", "1"));
        List<String> handled = new CopyOnWriteArrayList<>();

        start(ConsumerContainer.builder(connection, orders, "billing").listener(listener).options(fast().build())
                .handlers(HandlerRegistry.builder()
                        .on("order_placed", OrderPlaced.class, (event, delivery) -> handled.add(event.orderId())).build()));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1 && listener.unknownTypes.size() == 1);
        assertThat(listener.unknownTypes.get(0).eventType()).isEqualTo("mystery");
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(orders.key(0), "billing") == 0);
        assertThat(deadLetters(orders)).isZero();
    }

    @Test
    void unknownEventTypesAreDeadLetteredWhenThePolicySaysSo() {
        WireEntries.Written mystery = WireEntries.publish(connection, orders, 0, "mystery", Map.of("x", "1"));

        start(ConsumerContainer.builder(connection, orders, "billing")
                .options(fast().unknownTypePolicy(UnknownTypePolicy.DEAD_LETTER).build())
                .handlers(HandlerRegistry.builder().on("order_placed", OrderPlaced.class, (event, delivery) -> { }).build()));

        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters(orders) == 1);
        var letter = connection.sync().xrange(orders.deadLetterKey(), io.lettuce.core.Range.create("-", "+")).get(0);
        assertThat(letter.getBody()).containsEntry(WireFields.DLQ_SOURCE_ID, mystery.id())
                .containsEntry(WireFields.EVENT_ID, mystery.eventId())
                .containsEntry(WireFields.DLQ_ERROR, "no handler for event_type 'mystery' in group 'billing' "
                        + "(unknown-type policy DEAD_LETTER)");
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(orders.key(0), "billing") == 0);
    }

    @Test
    void aListenerThatThrowsEverywhereDoesNotDisturbTheEngine() {
        ConsumerListener hostile = new ConsumerListener() {
            @Override
            public void handled(Delivery delivery, HandlerOutcome outcome, Duration duration, Throwable failure) {
                throw new IllegalStateException("listener broken");
            }

            @Override
            public void stateChanged(ConsumerContainer container, ContainerState previous, ContainerState current) {
                throw new IllegalStateException("listener broken");
            }
        };
        List<String> handled = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "o-" + i, "amount", "1"));
        }

        ConsumerContainer container = start(ConsumerContainer.builder(connection, orders, "shipping").listener(hostile)
                .options(fast().build())
                .handlers(HandlerRegistry.builder().on("order_placed", OrderPlaced.class,
                        (event, delivery) -> handled.add(event.orderId())).build()));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 5);
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(orders.key(0), "shipping") == 0);
        assertThat(container.state()).isEqualTo(ContainerState.RUNNING);
    }
}
