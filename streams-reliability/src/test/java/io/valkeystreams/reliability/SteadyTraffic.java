package io.valkeystreams.reliability;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes probes at a steady rate from one thread, round-robin over the given streams, with partition
 * keys over 64 users. A publish that waits (an outage) holds the schedule; the missed publishes follow as
 * soon as it returns, as callers retrying their work would.
 */
final class SteadyTraffic implements AutoCloseable {

    private static final long TICK_MILLIS = 5;

    private final ProbePublisher publisher;
    private final List<String> streams;
    private final int perSecond;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong sent = new AtomicLong();
    private final long startedAt = System.nanoTime();
    private volatile boolean stopped;
    private volatile RuntimeException failure;

    private SteadyTraffic(ProbePublisher publisher, List<String> streams, int perSecond) {
        this.publisher = publisher;
        this.streams = List.copyOf(streams);
        this.perSecond = perSecond;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reliability-traffic");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts publishing {@code perSecond} probes a second. */
    static SteadyTraffic start(ProbePublisher publisher, List<String> streams, int perSecond) {
        SteadyTraffic traffic = new SteadyTraffic(publisher, streams, perSecond);
        traffic.scheduler.scheduleAtFixedRate(traffic::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return traffic;
    }

    /** Probes attempted so far. */
    long sent() {
        return sent.get();
    }

    private void tick() {
        long due = (System.nanoTime() - startedAt) / 1_000_000L * perSecond / 1000L;
        try {
            while (!stopped && sent.get() < due) {
                long n = sent.getAndIncrement();
                publisher.publish(streams.get((int) (n % streams.size())), "user-" + (n % 64));
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
    }

    /** Stops publishing and waits for the publish in progress; rethrows what broke the generator itself. */
    @Override
    public void close() {
        stopped = true;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new IllegalStateException("the traffic generator failed", failure);
        }
    }
}
