package io.valkeystreams.cli.compare;

import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.catalog.StreamKey;
import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.ConsumerOptions;
import io.valkeystreams.core.consume.HandlerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.stream.StreamMessageListenerContainer;
import org.springframework.data.redis.stream.StreamMessageListenerContainer.StreamMessageListenerContainerOptions;
import org.springframework.data.redis.stream.Subscription;

/**
 * The three consumers compared, each reading one stream of the comparison for its group, handing every
 * entry's fields to the same handler and acknowledging: our {@link ConsumerContainer}; a raw Lettuce
 * loop ({@code XREADGROUP COUNT 100 BLOCK … STREAMS k0 … k7 > …}, then one {@code XACK} per key and read);
 * Spring Data Redis's {@code StreamMessageListenerContainer}, one subscription per key, acknowledging each
 * message (its documented way to acknowledge).
 */
final class Consumers {

    static final String OURS = "valkey-streams";
    static final String LETTUCE = "lettuce";
    static final String SDR = "spring-data-redis";

    /** How often completion is checked: a local counter, then the server's pending count. */
    static final long POLL_NANOS = 1_000_000;

    /** Entries per read on every path. */
    static final int BATCH = 100;

    /** Receives the fields of each entry; must be cheap and thread-safe. */
    @FunctionalInterface
    interface FieldsHandler {
        void handle(Map<String, String> fields);
    }

    /** A started consumer; closing stops it. */
    interface Running extends AutoCloseable {
        @Override
        void close();
    }

    private Consumers() {
    }

    static Running start(String variant, Clients clients, String stream, Duration block, FieldsHandler handler) {
        return switch (variant) {
            case OURS -> ours(clients, stream, block, handler);
            case LETTUCE -> lettuce(clients, stream, block, handler);
            case SDR -> sdr(clients, stream, block, handler);
            default -> throw new IllegalArgumentException("unknown consumer " + variant);
        };
    }

    private static Running ours(Clients clients, String stream, Duration block, FieldsHandler handler) {
        ConsumerContainer container = ConsumerContainer.builder(clients.streams(), Workload.stream(stream),
                        Workload.GROUP)
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> handler.handle(envelope.fields()))
                        .build())
                .options(ConsumerOptions.builder().batchSize(BATCH).blockTimeout(block).build())
                .consumerName("compare-ours")
                .build();
        container.start();
        return container::stop;
    }

    private static Running lettuce(Clients clients, String stream, Duration block, FieldsHandler handler) {
        AtomicBoolean stop = new AtomicBoolean();
        StatefulRedisConnection<String, String> connection = clients.rawClient().connect();
        List<StreamKey> keys = Workload.stream(stream).keys();
        @SuppressWarnings("unchecked")
        StreamOffset<String>[] offsets = keys.stream().map(key -> StreamOffset.lastConsumed(key.key()))
                .toArray(StreamOffset[]::new);
        Thread loop = new Thread(() -> {
            RedisCommands<String, String> sync = connection.sync();
            Consumer<String> consumer = Consumer.from(Workload.GROUP, "compare-lettuce");
            XReadArgs args = XReadArgs.Builder.count(BATCH).block(block);
            while (!stop.get()) {
                List<StreamMessage<String, String>> messages;
                try {
                    messages = sync.xreadgroup(consumer, args, offsets);
                } catch (RuntimeException e) {
                    if (!stop.get()) {
                        System.err.println("compare: raw Lettuce consumer failed: " + e);
                    }
                    return;
                }
                Map<String, List<String>> byKey = new LinkedHashMap<>();
                for (StreamMessage<String, String> message : messages) {
                    handler.handle(message.getBody());
                    byKey.computeIfAbsent(message.getStream(), k -> new ArrayList<>()).add(message.getId());
                }
                byKey.forEach((key, ids) -> sync.xack(key, Workload.GROUP, ids.toArray(String[]::new)));
            }
        }, "compare-lettuce-consumer");
        loop.setDaemon(true);
        loop.start();
        return () -> {
            stop.set(true);
            join(loop, block.plusSeconds(5));
            connection.close();
        };
    }

    private static Running sdr(Clients clients, String stream, Duration block, FieldsHandler handler) {
        AtomicBoolean stopped = new AtomicBoolean();
        StreamMessageListenerContainerOptions<String, MapRecord<String, String, String>> options =
                StreamMessageListenerContainerOptions.builder().batchSize(BATCH).pollTimeout(block)
                        .errorHandler(error -> {
                            if (!stopped.get()) {
                                System.err.println("compare: Spring Data Redis consumer failed: " + error);
                            }
                        })
                        .build();
        StreamMessageListenerContainer<String, MapRecord<String, String, String>> container =
                StreamMessageListenerContainer.create(clients.sdrFactory(), options);
        StreamOperations<String, String, String> operations = clients.sdr().opsForStream();
        org.springframework.data.redis.connection.stream.Consumer consumer =
                org.springframework.data.redis.connection.stream.Consumer.from(Workload.GROUP, "compare-sdr");
        List<Subscription> subscriptions = new ArrayList<>();
        for (StreamKey key : Workload.stream(stream).keys()) {
            subscriptions.add(container.receive(consumer,
                    org.springframework.data.redis.connection.stream.StreamOffset.create(key.key(),
                            ReadOffset.lastConsumed()),
                    message -> {
                        handler.handle(message.getValue());
                        operations.acknowledge(Workload.GROUP, message);
                    }));
        }
        container.start();
        return () -> {
            stopped.set(true);
            container.stop();
            long deadline = System.nanoTime() + block.plusSeconds(2).toNanos();
            while (subscriptions.stream().anyMatch(Subscription::isActive) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
        };
    }

    /** Waits until {@code handled} reports at least {@code events}, then until nothing is pending. */
    static long awaitDrained(Clients clients, String stream, long events, LongSupplier handled,
                             Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handled.getAsLong() < events) {
            check(deadline, "handled " + handled.getAsLong() + " of " + events + " events of " + stream);
            LockSupport.parkNanos(POLL_NANOS);
        }
        while (clients.pending(stream) > 0) {
            check(deadline, "entries of " + stream + " still pending");
            LockSupport.parkNanos(POLL_NANOS);
        }
        return System.nanoTime();
    }

    private static void check(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new StreamsException("timed out: " + what);
        }
    }

    private static void join(Thread thread, Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
