package io.valkeystreams.cli.compare;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.valkeystreams.core.StreamsException;
import io.valkeystreams.core.publish.PublishRequest;
import io.valkeystreams.core.publish.Publisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StreamOperations;

/** Publish scenarios: one thread synchronous (latency), asynchronous and batched (throughput). */
final class PublishScenarios {

    static final String OURS = "valkey-streams";
    static final String OURS_ASYNC = "valkey-streams async";
    static final String OURS_BATCH = "valkey-streams publishAll";
    static final String LETTUCE = "lettuce";
    static final String LETTUCE_ASYNC = "lettuce async";
    static final String LETTUCE_PIPELINED = "lettuce pipelined";
    static final String SDR = "spring-data-redis";

    /** In-flight bound of the asynchronous paths: our default, and the same for raw Lettuce. */
    static final int IN_FLIGHT = 1024;

    private static final String STREAM = Workload.PUBLISH_STREAM;
    private static final Duration WAIT = Duration.ofMinutes(2);

    private final Clients clients;
    private final Publisher publisher;

    PublishScenarios(Clients clients, Publisher publisher) {
        this.clients = clients;
        this.publisher = publisher;
    }

    /** One thread, one synchronous publish at a time, latency of each. */
    Family sync(int events) {
        Map<String, Trial> variants = new LinkedHashMap<>();
        variants.put(OURS, () -> timed(events, i -> {
            CompareEvent event = Workload.event(i, System.nanoTime());
            publisher.publish(STREAM, event.userId(), event);
        }));
        RedisCommands<String, String> raw = clients.raw();
        XAddArgs trimming = Workload.trimming();
        variants.put(LETTUCE, () -> timed(events, i -> {
            CompareEvent event = Workload.event(i, System.nanoTime());
            raw.xadd(Workload.key(STREAM, event), trimming, Workload.fields(STREAM, event));
        }));
        StreamOperations<String, String, String> sdr = clients.sdr().opsForStream();
        XAddOptions sdrTrimming = XAddOptions.maxlen(Workload.MAX_LENGTH / Workload.PARTITIONS).approximateTrimming(true);
        variants.put(SDR, () -> timed(events, i -> {
            CompareEvent event = Workload.event(i, System.nanoTime());
            sdr.add(StreamRecords.newRecord().in(Workload.key(STREAM, event)).ofMap(Workload.fields(STREAM, event)),
                    sdrTrimming);
        }));
        return new Family("publish-sync", "publish one event at a time from one thread, synchronously; "
                + events + " events per trial", true, variants);
    }

    /** Asynchronous publishing with a bounded number in flight, and batches pipelined with one flush. */
    Family async(int events, int batchSize) {
        Map<String, Trial> variants = new LinkedHashMap<>();
        variants.put(OURS_ASYNC, () -> oursAsync(events));
        variants.put(OURS_BATCH, () -> oursBatch(events, batchSize));
        variants.put(LETTUCE_ASYNC, () -> rawAsync(events));
        variants.put(LETTUCE_PIPELINED, () -> rawPipelined(events, batchSize));
        return new Family("publish-async", "publish " + events + " events: asynchronously with at most " + IN_FLIGHT
                + " in flight (auto-flush), or in pipelined batches of " + batchSize + " (one flush per batch)",
                false, variants);
    }

    private Sample oursAsync(int events) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(events);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long cpu = CpuClock.processNanos();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            CompareEvent event = Workload.event(i, System.nanoTime());
            publisher.publishAsync(STREAM, event.userId(), event).whenComplete((result, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                done.countDown();
            });
        }
        return finish(events, done, failure, start, cpu);
    }

    private Sample oursBatch(int events, int batchSize) {
        long cpu = CpuClock.processNanos();
        long start = System.nanoTime();
        for (int sent = 0; sent < events; sent += batchSize) {
            int size = Math.min(batchSize, events - sent);
            List<PublishRequest> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                CompareEvent event = Workload.event(sent + i, System.nanoTime());
                batch.add(PublishRequest.of(STREAM, event.userId(), event));
            }
            publisher.publishAll(batch);
        }
        return Sample.of(events, System.nanoTime() - start, CpuClock.processNanos() - cpu, null);
    }

    private Sample rawAsync(int events) throws InterruptedException {
        RedisAsyncCommands<String, String> async = clients.rawConnection().async();
        XAddArgs trimming = Workload.trimming();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        CountDownLatch done = new CountDownLatch(events);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long cpu = CpuClock.processNanos();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            slots.acquire();
            CompareEvent event = Workload.event(i, System.nanoTime());
            async.xadd(Workload.key(STREAM, event), trimming, Workload.fields(STREAM, event))
                    .whenComplete((id, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                        slots.release();
                        done.countDown();
                    });
        }
        return finish(events, done, failure, start, cpu);
    }

    private Sample rawPipelined(int events, int batchSize) throws Exception {
        try (StatefulRedisConnection<String, String> connection = clients.rawClient().connect()) {
            connection.setAutoFlushCommands(false);
            RedisAsyncCommands<String, String> async = connection.async();
            XAddArgs trimming = Workload.trimming();
            long cpu = CpuClock.processNanos();
            long start = System.nanoTime();
            for (int sent = 0; sent < events; sent += batchSize) {
                int size = Math.min(batchSize, events - sent);
                List<RedisFuture<String>> ids = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    CompareEvent event = Workload.event(sent + i, System.nanoTime());
                    ids.add(async.xadd(Workload.key(STREAM, event), trimming, Workload.fields(STREAM, event)));
                }
                connection.flushCommands();
                for (RedisFuture<String> id : ids) {
                    id.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            return Sample.of(events, System.nanoTime() - start, CpuClock.processNanos() - cpu, null);
        }
    }

    private static Sample finish(int events, CountDownLatch done, AtomicReference<Throwable> failure, long start,
                                 long cpu) throws InterruptedException {
        if (!done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new StreamsException("asynchronous publishes did not complete within " + WAIT);
        }
        long elapsed = System.nanoTime() - start;
        long used = CpuClock.processNanos() - cpu;
        if (failure.get() != null) {
            throw new StreamsException("an asynchronous publish failed: " + failure.get(), failure.get());
        }
        return Sample.of(events, elapsed, used, null);
    }

    @FunctionalInterface
    private interface Send {
        void send(long i) throws Exception;
    }

    private static Sample timed(int events, Send send) throws Exception {
        Histogram latency = new Histogram(LatencyRecorder.HIGHEST_NANOS, 3);
        long cpu = CpuClock.processNanos();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            long before = System.nanoTime();
            send.send(i);
            latency.recordValue(Math.min(LatencyRecorder.HIGHEST_NANOS, System.nanoTime() - before));
        }
        return Sample.of(events, System.nanoTime() - start, CpuClock.processNanos() - cpu, latency);
    }
}
