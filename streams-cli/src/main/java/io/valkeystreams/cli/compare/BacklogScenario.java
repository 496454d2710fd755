package io.valkeystreams.cli.compare;

import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.ConsumerOptions;
import io.valkeystreams.core.consume.HandlerRegistry;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A large backlog drained by our consumer with default options and a no-op handler, sampling the heap
 * used after a full GC at intervals: the consumer's in-flight bound should keep it flat however long
 * the backlog is.
 */
final class BacklogScenario {

    /**
     * One heap sample.
     *
     * @param seconds        since the consumer started
     * @param handled        entries handled by then
     * @param heapAfterGcMib heap used right after {@code System.gc()}, MiB
     */
    record Point(double seconds, long handled, double heapAfterGcMib) {
    }

    /**
     * What was measured.
     *
     * @param events       backlog size
     * @param fillSeconds  time to write the backlog (not part of the drain)
     * @param drainSeconds time to drain it
     * @param perSecond    drain rate
     * @param before       heap after GC before the consumer started, MiB
     * @param points       samples during the drain
     * @param after        heap after GC once drained and stopped, MiB
     */
    record Result(long events, double fillSeconds, double drainSeconds, double perSecond, double before,
                  List<Point> points, double after) {

        /** Largest heap-after-GC sample during the drain. */
        double peak() {
            return points.stream().mapToDouble(Point::heapAfterGcMib).max().orElse(before);
        }
    }

    private static final String STREAM = Workload.DRAIN_STREAM;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final Clients clients;

    BacklogScenario(Clients clients) {
        this.clients = clients;
    }

    Result run(long events, Duration interval, PrintWriter progress) {
        clients.reset(STREAM);
        long fillStart = System.nanoTime();
        clients.fill(STREAM, events);
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        progress.printf("backlog: wrote %,d events in %.1f s; draining%n", events, fillSeconds);
        clients.createGroup(STREAM);
        double before = heapAfterGc();
        LongAdder handled = new LongAdder();
        ConsumerContainer container = ConsumerContainer.builder(clients.streams(), Workload.stream(STREAM),
                        Workload.GROUP)
                .handlers(HandlerRegistry.builder().onAny((envelope, delivery) -> handled.increment()).build())
                .options(ConsumerOptions.defaults())
                .consumerName("compare-backlog")
                .build();
        List<Point> points = new ArrayList<>();
        long start = System.nanoTime();
        container.start();
        long next = start + interval.toNanos();
        while (handled.sum() < events) {
            LockSupport.parkNanos(1_000_000);
            if (System.nanoTime() >= next) {
                Point point = new Point((System.nanoTime() - start) / 1e9, handled.sum(), heapAfterGc());
                points.add(point);
                progress.printf("backlog: %6.1f s  %,10d handled  heap after GC %6.1f MiB%n", point.seconds(),
                        point.handled(), point.heapAfterGcMib());
                next = System.nanoTime() + interval.toNanos();
            }
        }
        long end = Consumers.awaitDrained(clients, STREAM, events, handled::sum, Duration.ofMinutes(30));
        container.stop();
        double after = heapAfterGc();
        clients.reset(STREAM);
        double drainSeconds = (end - start) / 1e9;
        return new Result(events, fillSeconds, drainSeconds, events / drainSeconds, before, points, after);
    }

    private static double heapAfterGc() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    }
}
