package io.valkeystreams.core.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.lease.LeaseStore;
import io.valkeystreams.core.wire.WireFields;
import io.valkeystreams.test.ValkeyTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Ordered mode on one server: shared-out partitions, order per key, retry in place, rebalancing, fencing. */
@ValkeyTest
class OrderedConsumerIT extends ContainerTestSupport {

    /** One handler call: which container handled which entry, under which lease token. */
    record Handled(String consumer, StreamKey key, String entryId, String user, int seq, long deliveryCount, long token) {
    }

    private final List<Handled> handled = new CopyOnWriteArrayList<>();

    /** Short leases so a lost instance's partitions move within about a second. */
    static ConsumerOptions.Builder ordered() {
        return fast().mode(ConsumerMode.ORDERED).leases(Duration.ofMillis(1_000), Duration.ofMillis(200));
    }

    @Test
    void threeContainersShareThePartitionsAndEveryUsersEventsAreHandledInPublishOrder() {
        StreamDefinition ledger = provision(StreamDefinition.builder("ledger").partitions(6).groups("g").build());
        Map<String, RecordingListener> listeners = new LinkedHashMap<>();
        for (String name : List.of("c1", "c2", "c3")) {
            listeners.put(name, new RecordingListener());
            start(container(ledger, name, listeners.get(name), ordered().build()));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(listeners.values()).allSatisfy(listener -> assertThat(listener.held()).hasSize(2)));
        Set<StreamKey> union = new HashSet<>();
        listeners.values().forEach(listener -> union.addAll(listener.held()));
        assertThat(union).containsExactlyInAnyOrderElementsOf(ledger.keys());

        int users = 12;
        int perUser = 40;
        for (int seq = 0; seq < perUser; seq++) {
            for (int user = 0; user < users; user++) {
                WireEntries.publish(connection, ledger, user % 6, "entry",
                        Map.of("user", "u" + user, "seq", Integer.toString(seq)));
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> firstOccurrences().values().stream().mapToInt(List::size).sum()
                == users * perUser);
        firstOccurrences().forEach((user, seqs) -> assertThat(seqs).as(user).isSorted().hasSize(perUser));
        for (Handled each : handled) {
            assertThat(listeners.get(each.consumer()).held()).as(each.consumer() + " handled " + each.key())
                    .contains(each.key());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(ledger, "g") == 0);
    }

    @Test
    void aFailingEntryIsRetriedInPlaceThenDeadLetteredWhileOtherPartitionsFlow() {
        StreamDefinition ledger = provision(StreamDefinition.builder("ledger").partitions(2).groups("g").build());
        RecordingListener listener = new RecordingListener();
        WireEntries.Written poison = WireEntries.publish(connection, ledger, 0, "entry", Map.of("user", "u0", "seq", "0"));
        WireEntries.publish(connection, ledger, 0, "entry", Map.of("user", "u0", "seq", "1"));
        WireEntries.publish(connection, ledger, 0, "entry", Map.of("user", "u0", "seq", "2"));
        for (int seq = 0; seq < 3; seq++) {
            WireEntries.publish(connection, ledger, 1, "entry", Map.of("user", "u1", "seq", Integer.toString(seq)));
        }

        start(ConsumerContainer.builder(connection, ledger, "g").consumerName("c1").listener(listener)
                .options(ordered().maxDeliveries(3).backOff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(1), 0.0).build())
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> {
                    record("c1", envelope.fields(), delivery);
                    if (delivery.key().equals(poison.key()) && delivery.entryId().equals(poison.id())) {
                        throw new IllegalStateException("cannot book entry 0 of u0");
                    }
                }).build()));

        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters(ledger) == 1 && of("u0").size() == 5);
        assertThat(of("u0")).extracting(h -> h.seq() + "#" + h.deliveryCount())
                .containsExactly("0#1", "0#2", "0#3", "1#1", "2#1");
        assertThat(handled.indexOf(of("u1").get(2))).as("u1 done before u0's entry 0 gave up")
                .isLessThan(handled.indexOf(of("u0").get(2)));
        assertThat(listener.retries).extracting(RecordingListener.Retry::backOff)
                .containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
        StreamMessage<String, String> letter = connection.sync().xrange(ledger.deadLetterKey(), Range.create("-", "+")).get(0);
        assertThat(letter.getBody()).containsEntry(WireFields.DLQ_SOURCE_ID, poison.id())
                .containsEntry(WireFields.DLQ_DELIVERIES, "3")
                .containsEntry(WireFields.DLQ_ERROR, "java.lang.IllegalStateException: cannot book entry 0 of u0");
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(ledger, "g") == 0);
    }

    @Test
    void partitionsMoveToAContainerThatJoinsAndBackWhenItLeaves() {
        StreamDefinition ledger = provision(StreamDefinition.builder("ledger").partitions(4).groups("g").build());
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        start(container(ledger, "c1", first, ordered().build()));
        await().atMost(Duration.ofSeconds(5)).until(() -> first.held().size() == 4);

        ConsumerContainer joining = start(container(ledger, "c2", second, ordered().build()));
        await().atMost(Duration.ofSeconds(10)).until(() -> first.held().size() == 2 && second.held().size() == 2);
        assertThat(first.leases).extracting(RecordingListener.LeaseEvent::what).contains("released");
        for (int i = 0; i < 20; i++) {
            WireEntries.publish(connection, ledger, i % 4, "entry", Map.of("user", "u" + (i % 4), "seq", Integer.toString(i / 4)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 20);
        assertThat(handled).extracting(Handled::consumer).contains("c1", "c2");

        joining.stop();
        assertThat(second.held()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> first.held().size() == 4);
        assertThat(first.leases).extracting(RecordingListener.LeaseEvent::what).doesNotContain("lost");
    }

    @Test
    void aPausedInstanceLosesItsLeaseAndItsLateAcknowledgementIsRefused() throws Exception {
        StreamDefinition payments = provision(StreamDefinition.builder("payments").groups("g").build());
        StreamKey key = payments.key(0);
        StallingConnection paused = new StallingConnection(connection, "valkey-streams-lease-payments-g-");
        RecordingListener pausedListener = new RecordingListener();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(ConsumerContainer.builder(paused, payments, "g").consumerName("paused").listener(pausedListener)
                .options(ordered().build())
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> {
                    record("paused", envelope.fields(), delivery);
                    entered.countDown();
                    release.await();
                }).build()));
        await().atMost(Duration.ofSeconds(5)).until(() -> pausedListener.held().contains(key));
        WireEntries.Written first = WireEntries.publish(connection, payments, 0, "entry", Map.of("user", "u", "seq", "0"));
        entered.await();

        paused.stall();
        WireEntries.Written second = WireEntries.publish(connection, payments, 0, "entry", Map.of("user", "u", "seq", "1"));
        RecordingListener takerListener = new RecordingListener();
        start(container(payments, "taker", takerListener, ordered().build()));

        await().atMost(Duration.ofSeconds(10)).until(() -> of("u").stream().filter(h -> h.consumer().equals("taker")).count() == 2);
        long pausedToken = of("u").get(0).token();
        assertThat(of("u")).extracting(h -> h.consumer() + ":" + h.entryId())
                .containsExactly("paused:" + first.id(), "taker:" + first.id(), "taker:" + second.id());
        assertThat(of("u").get(1).token()).isGreaterThan(pausedToken);
        assertThat(LeaseStore.on(connection).holder(key, "g")).hasValueSatisfying(lease ->
                assertThat(lease.owner()).isEqualTo("taker"));

        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> !pausedListener.refused.isEmpty());
        assertThat(pausedListener.refused.get(0)).isEqualTo(new RecordingListener.Refused(key, pausedToken,
                List.of(first.id())));
        paused.resume();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(pausedListener.leases)
                .contains(new RecordingListener.LeaseEvent("lost", key, pausedToken)));
        assertThat(of("u")).hasSize(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> pending(key, "g") == 0);
    }

    private StreamDefinition provision(StreamDefinition definition) {
        new Provisioner(connection).provision(List.of(definition));
        return definition;
    }

    private ConsumerContainer.Builder container(StreamDefinition definition, String name, RecordingListener listener,
                                                ConsumerOptions options) {
        return ConsumerContainer.builder(connection, definition, "g").consumerName(name).listener(listener).options(options)
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> record(name, envelope.fields(), delivery))
                        .build());
    }

    private void record(String consumer, Map<String, String> fields, Delivery delivery) {
        handled.add(new Handled(consumer, delivery.key(), delivery.entryId(), fields.get("user"),
                Integer.parseInt(fields.get("seq")), delivery.deliveryCount(), delivery.fencingToken()));
    }

    private List<Handled> of(String user) {
        return handled.stream().filter(h -> h.user().equals(user)).toList();
    }

    /** Per user, the sequence numbers in the order each was handled for the first time. */
    private Map<String, List<Integer>> firstOccurrences() {
        Map<String, List<Integer>> first = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Handled each : handled) {
            if (seen.add(each.user() + "/" + each.seq())) {
                first.computeIfAbsent(each.user(), user -> new ArrayList<>()).add(each.seq());
            }
        }
        return first;
    }
}
