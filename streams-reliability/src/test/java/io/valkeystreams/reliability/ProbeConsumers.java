package io.valkeystreams.reliability;

import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.ConsumerListener;
import io.valkeystreams.core.consume.ConsumerOptions;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.consume.HandlerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Starts in-process consumer containers whose probe handler records every call in the ledger (after the
 * scenario's behaviour ran: a call that throws is recorded as failed) under the container's consumer name
 * ({@code in-process-<n>-<pid>}), and whose listener records entries reported as trimmed while pending.
 * {@link #close()} stops them all.
 */
final class ProbeConsumers implements AutoCloseable {

    /** What a handler does with a probe before it returns (or throws). */
    @FunctionalInterface
    interface Behaviour {
        /** Returns normally. */
        Behaviour NONE = (probe, delivery) -> {
        };

        void apply(Probe probe, Delivery delivery) throws Exception;
    }

    /** Takeovers the containers reported ({@code <key> <from consumer> <entries>}), for scenario notes. */
    record Reported(Queue<String> takeovers) {
    }

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Ledger ledger;
    private final List<ConsumerContainer> containers = new ArrayList<>();
    private final Reported reported = new Reported(new ConcurrentLinkedQueue<>());

    ProbeConsumers(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Timings that make retries and takeovers happen within a second or two. */
    static ConsumerOptions.Builder quick() {
        return ConsumerOptions.builder()
                .blockTimeout(Duration.ofMillis(200))
                .recoveryInterval(Duration.ofMillis(100))
                .takeoverAfter(Duration.ofSeconds(1))
                .backOff(Duration.ofMillis(100), 2.0, Duration.ofMillis(800), 0.2)
                .maxReconnectDelay(Duration.ofMillis(500))
                .shutdownTimeout(Duration.ofSeconds(5));
    }

    Reported reported() {
        return reported;
    }

    /** Starts a container of {@code group} on {@code stream} that records its probe calls. */
    ConsumerContainer start(StreamsConnection connection, StreamDefinition stream, String group,
                            ConsumerOptions options, Behaviour behaviour) {
        return start(connection, stream, group, options, behaviour, UnaryOperator.identity());
    }

    /** As {@link #start(StreamsConnection, StreamDefinition, String, ConsumerOptions, Behaviour)}, then customised. */
    ConsumerContainer start(StreamsConnection connection, StreamDefinition stream, String group,
                            ConsumerOptions options, Behaviour behaviour,
                            UnaryOperator<ConsumerContainer.Builder> customise) {
        ledger.expectGroup(stream.name(), group);
        String name = "in-process-" + NAMES.incrementAndGet() + "-" + ProcessHandle.current().pid();
        ConsumerContainer.Builder builder = ConsumerContainer.builder(connection, stream, group)
                .consumerName(name)
                .options(options)
                .handlers(handlers(stream.name(), group, name, behaviour))
                .listener(new Recording());
        ConsumerContainer container = customise.apply(builder).build();
        synchronized (containers) {
            containers.add(container);
        }
        container.start();
        return container;
    }

    private HandlerRegistry handlers(String stream, String group, String consumer, Behaviour behaviour) {
        return HandlerRegistry.builder().on(Probe.TYPE, Probe.class, (probe, delivery) -> {
            try {
                behaviour.apply(probe, delivery);
            } catch (Exception | Error e) {
                ledger.handled(stream, group, probe.probeSeq(), delivery.deliveryCount(), false,
                        System.currentTimeMillis(), consumer);
                throw e;
            }
            ledger.handled(stream, group, probe.probeSeq(), delivery.deliveryCount(), true,
                    System.currentTimeMillis(), consumer);
        }).build();
    }

    @Override
    public void close() {
        List<ConsumerContainer> all;
        synchronized (containers) {
            all = List.copyOf(containers);
        }
        all.forEach(ConsumerContainer::stop);
    }

    private final class Recording implements ConsumerListener {
        @Override
        public void trimmedWhilePending(StreamKey key, String group, String entryId) {
            ledger.trimmedWhilePending(key.stream(), group, entryId);
        }

        @Override
        public void takenOver(StreamKey key, String group, String fromConsumer, int entries) {
            reported.takeovers().add(key + " " + fromConsumer + " " + entries);
        }
    }
}
