package io.valkeystreams.core.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.test.ValkeyTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@ValkeyTest
class ConsumerLifecycleIT extends ContainerTestSupport {

    private final StreamDefinition orders = StreamDefinition.builder("orders").groups("billing").build();
    private final StreamKey key = orders.key(0);
    private final HandlerRegistry noop = HandlerRegistry.builder().onAny((envelope, delivery) -> { }).build();

    @BeforeEach
    void provision() {
        new Provisioner(connection).provision(List.of(orders));
    }

    @Test
    void stopFinishesAndAcknowledgesTheEntriesAlreadyReadThenReadsNoMore() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> handled = new CopyOnWriteArrayList<>();
        RecordingListener listener = new RecordingListener();
        for (int i = 0; i < 3; i++) {
            WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "o-" + i));
        }
        ConsumerContainer container = start(ConsumerContainer.builder(connection, orders, "billing").listener(listener)
                .options(fast().build())
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> {
                    entered.countDown();
                    release.await();
                    handled.add(delivery.entryId());
                }).build()));
        entered.await();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(container::stop);
        await().atMost(Duration.ofSeconds(5)).until(() -> container.state() == ContainerState.STOPPING);
        assertThat(container.isRunning()).isFalse();
        assertThat(stopping).isNotDone();
        release.countDown();
        stopping.get();

        assertThat(container.state()).isEqualTo(ContainerState.STOPPED);
        assertThat(handled).hasSize(3);
        assertThat(pending(key, "billing")).isZero();
        assertThat(listener.states).containsExactly(ContainerState.RUNNING, ContainerState.STOPPING, ContainerState.STOPPED);

        WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "late"));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> handled.size() == 3);
        assertThat(pending(key, "billing")).isZero();
    }

    @Test
    void entriesThatDoNotFinishWithinTheShutdownTimeoutStayPendingForOthers() {
        CountDownLatch entered = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        RecordingListener listener = new RecordingListener();
        WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "slow"));
        WireEntries.publish(connection, orders, 0, "order_placed", Map.of("order_id", "queued"));
        ConsumerContainer container = start(ConsumerContainer.builder(connection, orders, "billing").listener(listener)
                .options(fast().shutdownTimeout(Duration.ofMillis(200)).build())
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> {
                    entered.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        throw e;
                    }
                }).build()));
        await().atMost(Duration.ofSeconds(5)).until(() -> entered.getCount() == 0);

        container.stop();

        assertThat(container.state()).isEqualTo(ContainerState.STOPPED);
        assertThat(interrupted).isTrue();
        assertThat(pending(key, "billing")).isEqualTo(2);
        assertThat(listener.handled).isEmpty();
        assertThat(listener.deadLetters).isEmpty();
        assertThat(deadLetters(orders)).isZero();
    }

    @Test
    void stopIsIdempotentAndAContainerStartsOnce() {
        ConsumerContainer neverStarted = ConsumerContainer.builder(connection, orders, "billing").handlers(noop).build();
        neverStarted.stop();
        assertThat(neverStarted.state()).isEqualTo(ContainerState.STOPPED);
        assertThatThrownBy(neverStarted::start).isInstanceOf(StreamsException.class)
                .hasMessageContaining("is STOPPED; a container starts once, build a new one");

        ConsumerContainer container = start(ConsumerContainer.builder(connection, orders, "billing").handlers(noop)
                .options(fast().build()));
        assertThat(container.isRunning()).isTrue();
        assertThatThrownBy(container::start).isInstanceOf(StreamsException.class).hasMessageContaining("is RUNNING");
        container.stop();
        container.stop();
        assertThat(container.state()).isEqualTo(ContainerState.STOPPED);
    }

    @Test
    void badInputToTheBuilderIsRefusedNamingTheFieldAndTheValue() {
        assertThatThrownBy(() -> ConsumerContainer.builder(null, orders, "billing"))
                .isInstanceOf(StreamsException.class).hasMessage("consumer container: connection must not be null");
        assertThatThrownBy(() -> ConsumerContainer.builder(connection, null, "billing"))
                .hasMessage("consumer container: stream definition must not be null");
        assertThatThrownBy(() -> ConsumerContainer.builder(connection, orders, "shipping"))
                .isInstanceOf(StreamsException.class)
                .hasMessage("consumer container: group 'shipping' is not a consumer group of stream 'orders'; "
                        + "its groups are [billing]");
        assertThatThrownBy(() -> ConsumerContainer.builder(connection, orders, null))
                .hasMessageContaining("group 'null' is not a consumer group");
        assertThatThrownBy(() -> ConsumerContainer.builder(connection, orders, "billing").build())
                .hasMessage("consumer container of orders/billing: handlers must hold at least one handler or a "
                        + "catch-all, was null");
        assertThatThrownBy(() -> ConsumerContainer.builder(connection, orders, "billing")
                .handlers(HandlerRegistry.builder().build()).build())
                .hasMessageContaining("handlers must hold at least one handler or a catch-all, was HandlerRegistry[types=[], catchAll=false]");
        assertThatThrownBy(() -> ConsumerContainer.builder(connection, orders, "billing").handlers(noop).options(null).build())
                .hasMessage("consumer container of orders/billing: options must not be null");
        assertThatThrownBy(() -> ConsumerContainer.builder(connection, orders, "billing").handlers(noop).listener(null).build())
                .hasMessage("consumer container of orders/billing: listener must not be null");
        assertThatThrownBy(() -> ConsumerContainer.builder(connection, orders, "billing").handlers(noop).clock(null).build())
                .hasMessage("consumer container of orders/billing: clock must not be null");
        assertThatThrownBy(() -> ConsumerContainer.builder(connection, orders, "billing").handlers(noop)
                .consumerName("two words").build())
                .hasMessage("consumer container of orders/billing: consumerName must be non-blank printable text "
                        + "without spaces, was 'two words'");
    }

    @Test
    void theDefaultConsumerNameIsUniquePerContainer() {
        ConsumerContainer first = ConsumerContainer.builder(connection, orders, "billing").handlers(noop).build();
        ConsumerContainer second = ConsumerContainer.builder(connection, orders, "billing").handlers(noop).build();

        assertThat(first.consumerName()).matches("[A-Za-z0-9._-]+-" + ProcessHandle.current().pid() + "-[0-9a-f]{8}");
        assertThat(first.consumerName()).isNotEqualTo(second.consumerName());
        assertThat(first.stream()).isEqualTo("orders");
        assertThat(first.group()).isEqualTo("billing");
        assertThat(first.state()).isEqualTo(ContainerState.NEW);
    }
}
