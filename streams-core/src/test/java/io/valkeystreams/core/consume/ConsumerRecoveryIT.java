package io.valkeystreams.core.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.XTrimArgs;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.wire.WireFields;
import io.valkeystreams.test.ValkeyServer;
import io.valkeystreams.test.ValkeyTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class ConsumerRecoveryIT extends ContainerTestSupport {

    record Attempt(long deliveryCount, long nanos) {
    }

    private final StreamDefinition orders = StreamDefinition.builder("orders").groups("billing").build();
    private final StreamKey key = orders.key(0);

    @BeforeEach
    void provision() {
        new Provisioner(connection).provision(List.of(orders));
    }

    @Test
    void aFailingHandlerIsRetriedWithGrowingDelaysThenDeadLetteredWithTheFullReason() {
        Instant now = Instant.parse("2025-01-02T03:04:05.678Z");
        RecordingListener listener = new RecordingListener();
        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        WireEntries.Written entry = WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "o-42"));

        start(ConsumerContainer.builder(connection, orders, "billing").listener(listener)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .options(fast().maxDeliveries(4).backOff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), 0.0)
                        .recoveryInterval(Duration.ofMillis(20)).build())
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> {
                    attempts.add(new Attempt(delivery.deliveryCount(), System.nanoTime()));
                    throw new IllegalStateException("payment service down for order 42");
                }).build()));

        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters(orders) == 1);
        assertThat(attempts).extracting(Attempt::deliveryCount).containsExactly(1L, 2L, 3L, 4L);
        assertThat(listener.retries).extracting(RecordingListener.Retry::backOff)
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        // Each redelivery waits until the entry has been idle (server-side, since its last claim) for its back-off.
        // Handler calls can start late under load, which shortens single gaps, so check the whole span: it cannot
        // be shorter than the back-offs together minus the first call's dispatch delay.
        Duration span = Duration.ofNanos(attempts.get(attempts.size() - 1).nanos() - attempts.get(0).nanos());
        Duration backOffs = listener.retries.stream().map(RecordingListener.Retry::backOff).reduce(Duration.ZERO, Duration::plus);
        assertThat(span).as("first to last delivery").isGreaterThanOrEqualTo(backOffs.multipliedBy(8).dividedBy(10));

        StreamMessage<String, String> letter = connection.sync().xrange(orders.deadLetterKey(), Range.create("-", "+")).get(0);
        assertThat(letter.getBody()).containsAllEntriesOf(entry.fields())
                .containsEntry(WireFields.DLQ_GROUP, "billing")
                .containsEntry(WireFields.DLQ_SOURCE, "orders")
                .containsEntry(WireFields.DLQ_SOURCE_ID, entry.id())
                .containsEntry(WireFields.DLQ_DELIVERIES, "4")
                .containsEntry(WireFields.DLQ_ERROR, "java.lang.IllegalStateException: payment service down for order 42")
                .containsEntry(WireFields.DLQ_FAILED_AT, Long.toString(now.toEpochMilli()));
        assertThat(listener.deadLetters).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(key, "billing") == 0);
        assertThat(connection.sync().xlen(key.key())).as("the source entry itself is kept").isEqualTo(1);
    }

    @Test
    void aCrashedConsumersPendingEntriesAreTakenOverByALiveOne() {
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "o-" + i)).id());
        }
        readAsGhost("ghost-of-a-crashed-process", 5);
        RecordingListener listener = new RecordingListener();
        List<Delivery> handled = new CopyOnWriteArrayList<>();

        start(ConsumerContainer.builder(connection, orders, "billing").listener(listener).options(fast().build())
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> handled.add(delivery)).build()));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 5);
        assertThat(handled).extracting(Delivery::entryId).containsExactlyElementsOf(written);
        assertThat(handled).allSatisfy(delivery -> assertThat(delivery.deliveryCount()).isEqualTo(2));
        assertThat(listener.takenOverEntries()).isEqualTo(5);
        assertThat(listener.takeovers).allSatisfy(t -> assertThat(t.fromConsumer()).isEqualTo("ghost-of-a-crashed-process"));
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(key, "billing") == 0);
    }

    @Test
    void aContainerThatDiesWhileHandlingHasItsEntriesFinishedByAnotherInstance(ValkeyServer server) throws Exception {
        StreamsConnection doomed = open(server.url());
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            written.add(WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "o-" + i)).id());
        }
        ConsumerContainer stuck = start(ConsumerContainer.builder(doomed, orders, "billing").consumerName("doomed")
                .options(fast().shutdownTimeout(Duration.ofSeconds(1)).build())
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> {
                    entered.countDown();
                    release.await();
                }).build()));
        entered.await();
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(key, "billing") == 3);
        doomed.close();

        Set<String> handled = ConcurrentHashMap.newKeySet();
        RecordingListener listener = new RecordingListener();
        start(ConsumerContainer.builder(connection, orders, "billing").consumerName("survivor").listener(listener)
                .options(fast().build())
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> handled.add(delivery.entryId())).build()));

        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 3);
        assertThat(handled).containsExactlyInAnyOrderElementsOf(written);
        assertThat(listener.takeovers).allSatisfy(t -> assertThat(t.fromConsumer()).isEqualTo("doomed"));
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(key, "billing") == 0);
        release.countDown();
        stuck.stop();
        assertThat(stuck.state()).isEqualTo(ContainerState.STOPPED);
    }

    @Test
    void entriesTrimmedWhilePendingAreClearedOnceAndNeverLoopedOn() {
        for (int i = 0; i < 5; i++) {
            WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "o-" + i));
        }
        readAsGhost("ghost", 5);
        connection.sync().xtrim(key.key(), XTrimArgs.Builder.maxlen(0));
        RecordingListener listener = new RecordingListener();
        List<Delivery> handled = new CopyOnWriteArrayList<>();

        start(ConsumerContainer.builder(connection, orders, "billing").listener(listener).options(fast().build())
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> handled.add(delivery)).build()));

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.trimmed.size() == 5);
        assertThat(pending(key, "billing")).isZero();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> listener.trimmed.size() == 5);
        assertThat(handled).isEmpty();
        assertThat(deadLetters(orders)).isZero();
    }

    @Test
    void idleConsumersWithoutPendingEntriesAreRemovedAndOnesWithPendingEntriesAreKept() {
        connection.sync().xgroupCreateconsumer(key.key(), Consumer.from("billing", "idle-and-empty"));
        WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "o-1"));
        readAsGhost("idle-but-holding", 1);
        RecordingListener listener = new RecordingListener();

        ConsumerContainer container = start(ConsumerContainer.builder(connection, orders, "billing").listener(listener)
                .options(fast().idleConsumerRemoval(Duration.ofMillis(400)).takeoverAfter(Duration.ofMinutes(1)).build())
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> { }).build()));

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.removedConsumers.contains("idle-and-empty"));
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3))
                .until(() -> consumers().keySet().containsAll(Set.of("idle-but-holding", container.consumerName())));
        assertThat(consumers()).containsEntry("idle-but-holding", 1L).doesNotContainKey("idle-and-empty");
        assertThat(listener.removedConsumers).containsOnly("idle-and-empty");
    }

    @SuppressWarnings("unchecked")
    private void readAsGhost(String consumer, int count) {
        List<StreamMessage<String, String>> read = connection.sync().xreadgroup(Consumer.from("billing", consumer),
                XReadArgs.Builder.count(count), StreamOffset.lastConsumed(key.key()));
        assertThat(read).hasSize(count);
    }

    private Map<String, Long> consumers() {
        return connection.sync().xinfoConsumers(key.key(), "billing").stream().map(ConsumerRecoveryIT::pairs)
                .collect(Collectors.toMap(info -> String.valueOf(info.get("name")),
                        info -> ((Number) info.get("pending")).longValue()));
    }

    private static Map<String, Object> pairs(Object raw) {
        List<?> list = (List<?>) raw;
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i + 1 < list.size(); i += 2) {
            map.put(String.valueOf(list.get(i)), list.get(i + 1));
        }
        return map;
    }
}
