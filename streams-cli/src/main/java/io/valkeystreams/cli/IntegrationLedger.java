package io.valkeystreams.cli;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.consume.Delivery;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/** What the integration run published, and what each group handled: counts, duplicates and latency. */
final class IntegrationLedger {

    private record Sent(String stream, long nanoTime) {
    }

    private static final class GroupTally {
        final Map<String, Boolean> seen = new ConcurrentHashMap<>();
        final AtomicLong redeliveries = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong foreign = new AtomicLong();
        final Histogram latency = new Histogram(60_000_000_000L, 3);
    }

    private record Early(String group, Delivery delivery, long nanoTime) {
    }

    private final Map<String, Sent> published = new ConcurrentHashMap<>();
    private final Map<String, List<Early>> early = new ConcurrentHashMap<>();
    private final Map<String, GroupTally> groups = new ConcurrentHashMap<>();

    /**
     * Records a publish; {@code nanoTime} is taken before the publish call. A handler may see the event
     * before this is called (the publish call returns after the server stored it): those are counted now.
     */
    void published(String stream, String eventId, long nanoTime) {
        List<Early> before;
        synchronized (early) {
            published.put(eventId, new Sent(stream, nanoTime));
            before = early.remove(eventId);
        }
        if (before != null) {
            before.forEach(seen -> count(seen.group(), seen.delivery(), seen.nanoTime()));
        }
    }

    void handled(String group, Delivery delivery) {
        long now = System.nanoTime();
        if (delivery.eventId() != null && !published.containsKey(delivery.eventId())) {
            synchronized (early) {
                if (!published.containsKey(delivery.eventId())) {
                    early.computeIfAbsent(delivery.eventId(), id -> new ArrayList<>())
                            .add(new Early(group, delivery, now));
                    return;
                }
            }
        }
        count(group, delivery, now);
    }

    private void count(String group, Delivery delivery, long now) {
        GroupTally tally = groups.computeIfAbsent(delivery.stream() + "/" + group, key -> new GroupTally());
        Sent sent = delivery.eventId() == null ? null : published.get(delivery.eventId());
        if (sent == null) {
            tally.foreign.incrementAndGet();
            return;
        }
        if (tally.seen.putIfAbsent(delivery.eventId(), Boolean.TRUE) != null) {
            if (delivery.isRedelivery()) {
                tally.redeliveries.incrementAndGet();
            } else {
                tally.duplicates.incrementAndGet();
            }
            return;
        }
        synchronized (tally.latency) {
            tally.latency.recordValue(Math.min(Math.max(0, now - sent.nanoTime()), tally.latency.getHighestTrackableValue()));
        }
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits until every group has seen every published event of its stream, or the timeout passes. */
    synchronized void awaitComplete(StreamCatalog catalog, List<String> streams, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!complete(catalog, streams)) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    return;
                }
                wait(remainingMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean complete(StreamCatalog catalog, List<String> streams) {
        for (String stream : streams) {
            long expected = expected(stream);
            for (String group : catalog.require(stream).groups()) {
                GroupTally tally = groups.get(stream + "/" + group);
                if ((tally == null ? 0 : tally.seen.size()) < expected) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Prints the per-group table; returns whether every event reached every group exactly as promised. */
    boolean report(PrintWriter out, StreamCatalog catalog, List<String> streams, long elapsedMillis) {
        boolean ok = true;
        out.printf("%-24s %-24s %9s %9s %11s %10s %9s %9s %9s%n", "STREAM", "GROUP", "EXPECTED", "PROCESSED",
                "REDELIVERED", "DUPLICATE", "p50 ms", "p99 ms", "max ms");
        for (String stream : streams) {
            long expected = expected(stream);
            for (String group : catalog.require(stream).groups()) {
                GroupTally tally = groups.getOrDefault(stream + "/" + group, new GroupTally());
                long processed = tally.seen.size();
                ok &= processed == expected && tally.duplicates.get() == 0;
                Histogram latency = tally.latency;
                out.printf("%-24s %-24s %,9d %,9d %,11d %,10d %9.2f %9.2f %9.2f%n", stream, group, expected, processed,
                        tally.redeliveries.get(), tally.duplicates.get(), latency.getValueAtPercentile(50) / 1e6,
                        latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6);
            }
        }
        long foreign = groups.values().stream().mapToLong(t -> t.foreign.get()).sum()
                + early.values().stream().mapToLong(List::size).sum();
        out.printf("%s: %,d events to %d groups in %,d ms (publish to last handler)%s%n", ok ? "PASS" : "FAIL",
                published.size(), groups.size(), elapsedMillis,
                foreign > 0 ? "; also handled " + foreign + " older entries already in the streams" : "");
        return ok;
    }

    private long expected(String stream) {
        return published.values().stream().filter(sent -> sent.stream().equals(stream)).count();
    }
}
