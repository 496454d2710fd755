package io.valkeystreams.cli.compare;

import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.publish.Publisher;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StreamOperations;

/**
 * End-to-end latency at a fixed rate: a sender on a fixed schedule, a consumer of the same stack that
 * records, for each event, receive time minus intended send time (so a sender or consumer that falls
 * behind shows it). Ours publishes asynchronously and consumes with a container; raw Lettuce publishes
 * asynchronously and consumes with a read loop; Spring Data Redis (only at rates it can sustain) adds
 * with {@code StreamOperations} and consumes with its container.
 */
final class EndToEndScenario {

    /** Highest rate at which the Spring Data Redis variant runs (its container acknowledges one by one). */
    static final int SDR_MAX_RATE = 10_000;

    private static final String STREAM = Workload.PUBLISH_STREAM;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private final Clients clients;
    private final Publisher publisher;

    EndToEndScenario(Clients clients, Publisher publisher) {
        this.clients = clients;
        this.publisher = publisher;
    }

    Family family(int rate, Duration warmup, Duration duration) {
        Map<String, Trial> variants = new LinkedHashMap<>();
        variants.put(Consumers.OURS, () -> run(Consumers.OURS, rate, warmup, duration));
        variants.put(Consumers.LETTUCE, () -> run(Consumers.LETTUCE, rate, warmup, duration));
        if (rate <= SDR_MAX_RATE) {
            variants.put(Consumers.SDR, () -> run(Consumers.SDR, rate, warmup, duration));
        }
        return new Family("e2e-" + rate, "send " + rate + " events/s on a fixed schedule for " + duration.toMillis()
                + " ms (after " + warmup.toMillis() + " ms unmeasured), latency from intended send time to handler",
                true, variants);
    }

    private Sample run(String variant, int rate, Duration warmup, Duration duration) {
        clients.reset(STREAM);
        clients.createGroup(STREAM);
        long warmupEvents = rate * warmup.toMillis() / 1000;
        long total = warmupEvents + rate * duration.toMillis() / 1000;
        LatencyRecorder recorder = new LatencyRecorder();
        LongAdder received = new LongAdder();
        long start = System.nanoTime() + 20_000_000;
        Pacer pacer = new Pacer(start, rate);
        long measureFrom = pacer.intended(warmupEvents);
        Sender sender = sender(variant);
        long cpu = 0;
        long used;
        long end;
        Consumers.Running consumer = Consumers.start(variant, clients, STREAM, DrainScenario.BLOCK, fields -> {
            long sentAt = Workload.sentAt(fields);
            if (sentAt >= measureFrom) {
                recorder.record(sentAt, System.nanoTime());
            }
            received.increment();
        });
        try {
            for (long i = 0; i < total; i++) {
                long intended = pacer.awaitTurn(i);
                if (i == warmupEvents) {
                    cpu = CpuClock.processNanos();
                }
                sender.send(Workload.event(i, intended));
            }
            end = Consumers.awaitDrained(clients, STREAM, total, received::sum, DRAIN_TIMEOUT);
            used = CpuClock.processNanos() - cpu;
            sender.check();
        } finally {
            consumer.close();
        }
        clients.reset(STREAM);
        return Sample.of(total - warmupEvents, end - measureFrom, used, recorder.histogram());
    }

    private interface Sender {
        void send(CompareEvent event);

        /** Throws when an asynchronous send failed. */
        default void check() {
        }
    }

    private Sender sender(String variant) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        return switch (variant) {
            case Consumers.OURS -> new Sender() {
                @Override
                public void send(CompareEvent event) {
                    publisher.publishAsync(STREAM, event.userId(), event).whenComplete((result, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                    });
                }

                @Override
                public void check() {
                    failIf(failure);
                }
            };
            case Consumers.LETTUCE -> {
                RedisAsyncCommands<String, String> async = clients.rawConnection().async();
                XAddArgs trimming = Workload.trimming();
                yield new Sender() {
                    @Override
                    public void send(CompareEvent event) {
                        async.xadd(Workload.key(STREAM, event), trimming, Workload.fields(STREAM, event))
                                .whenComplete((id, error) -> {
                                    if (error != null) {
                                        failure.compareAndSet(null, error);
                                    }
                                });
                    }

                    @Override
                    public void check() {
                        failIf(failure);
                    }
                };
            }
            case Consumers.SDR -> {
                StreamOperations<String, String, String> operations = clients.sdr().opsForStream();
                XAddOptions trimming = XAddOptions.maxlen(Workload.MAX_LENGTH / Workload.PARTITIONS)
                        .approximateTrimming(true);
                yield event -> operations.add(StreamRecords.newRecord().in(Workload.key(STREAM, event))
                        .ofMap(Workload.fields(STREAM, event)), trimming);
            }
            default -> throw new IllegalArgumentException("unknown variant " + variant);
        };
    }

    private static void failIf(AtomicReference<Throwable> failure) {
        if (failure.get() != null) {
            throw new StreamsException("a send failed: " + failure.get(), failure.get());
        }
    }
}
