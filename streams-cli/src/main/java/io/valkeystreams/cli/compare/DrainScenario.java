package io.valkeystreams.cli.compare;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Consumer drain: a backlog of N events in 8 partitions, one group created from the start, a no-op
 * handler, every entry acknowledged. Measured from the consumer's start until nothing is pending.
 */
final class DrainScenario {

    /** How long a consumer waits in one blocking read on every path. */
    static final Duration BLOCK = Duration.ofMillis(200);

    private static final String STREAM = Workload.DRAIN_STREAM;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Clients clients;

    private final PrintWriter progress;

    DrainScenario(Clients clients, PrintWriter progress) {
        this.clients = clients;
        this.progress = progress;
    }

    Family family(int events) {
        Map<String, Trial> variants = new LinkedHashMap<>();
        for (String variant : new String[] {Consumers.OURS, Consumers.LETTUCE, Consumers.SDR}) {
            variants.put(variant, () -> drain(variant, events));
        }
        return new Family("drain", "drain a backlog of " + events + " events in " + Workload.PARTITIONS
                + " partitions, one group, no-op handler, acknowledged", false, variants);
    }

    private Sample drain(String variant, int events) {
        clients.reset(STREAM);
        clients.fill(STREAM, events);
        clients.createGroup(STREAM);
        LongAdder handled = new LongAdder();
        ThreadCpu threads = ThreadCpu.start();
        long cpu = CpuClock.processNanos();
        long start = System.nanoTime();
        long end;
        long used;
        Consumers.Running consumer = Consumers.start(variant, clients, STREAM, BLOCK, fields -> handled.increment());
        try {
            end = Consumers.awaitDrained(clients, STREAM, events, handled::sum, TIMEOUT);
            used = CpuClock.processNanos() - cpu;
            progress.printf("drain %s: busiest threads %s%n", variant, threads.busiest(5));
        } finally {
            consumer.close();
        }
        clients.reset(STREAM);
        return Sample.of(events, end - start, used, null);
    }
}
