package io.valkeystreams.cli.compare;

import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.HandlerRegistry;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Idle CPU of an application subscribed to everything: a consumer container with default options for
 * every group of every platform stream (7 streams, 20 groups, 83 partition-group pairs), no traffic.
 * Process CPU over a window, as a percentage of one core, next to the same window with nothing running;
 * the busiest kinds of thread of each window go to the progress output.
 */
final class IdleCpuScenario {

    /**
     * What was measured.
     *
     * @param containers       containers running
     * @param window           length of each measured window
     * @param baselinePercent  process CPU in % of one core with no container (JVM, clients, JIT and GC only)
     * @param subscribedPercent process CPU in % of one core with every container running
     * @param threads          live threads while subscribed
     */
    record Result(int containers, Duration window, double baselinePercent, double subscribedPercent, int threads) {
    }

    /** Time given to containers to start and settle before the window. */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** What makes thread names of one kind differ: the stream and group of a container, counters. */
    private static final Pattern KIND = Pattern.compile("(?<=valkey-streams-(reader|worker|recovery))-.*|-\\d+");

    private final Clients clients;
    private final PrintWriter progress;

    IdleCpuScenario(Clients clients, PrintWriter progress) {
        this.clients = clients;
        this.progress = progress;
    }

    Result run(Duration window) throws InterruptedException {
        StreamCatalog catalog = StreamCatalog.platform();
        new Provisioner(clients.streams()).provision(catalog);
        double baseline = percentOfCore(window);
        List<ConsumerContainer> containers = new ArrayList<>();
        HandlerRegistry noOp = HandlerRegistry.builder().onAny((envelope, delivery) -> { }).build();
        for (StreamDefinition stream : catalog.streams()) {
            for (String group : stream.groups()) {
                ConsumerContainer container = ConsumerContainer.builder(clients.streams(), stream, group)
                        .handlers(noOp).build();
                container.start();
                containers.add(container);
            }
        }
        try {
            Thread.sleep(SETTLE.toMillis());
            double subscribed = percentOfCore(window);
            return new Result(containers.size(), window, baseline, subscribed, Thread.activeCount());
        } finally {
            CompletableFuture.allOf(containers.stream().map(c -> CompletableFuture.runAsync(c::stop))
                    .toArray(CompletableFuture[]::new)).join();
        }
    }

    private double percentOfCore(Duration window) throws InterruptedException {
        Map<Long, Long> threadsBefore = threadCpu();
        long cpu = CpuClock.processNanos();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        double percent = 100.0 * (CpuClock.processNanos() - cpu) / (System.nanoTime() - start);
        Map<Long, Long> threadsAfter = threadCpu();
        Map<String, Long> byKind = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(threadsAfter.keySet().stream().mapToLong(Long::longValue)
                .toArray())) {
            if (info != null) {
                long used = threadsAfter.get(info.getThreadId()) - threadsBefore.getOrDefault(info.getThreadId(), 0L);
                byKind.merge(KIND.matcher(info.getThreadName()).replaceAll(""), used, Long::sum);
            }
        }
        progress.printf("idle: %.2f %% of a core; busiest threads: %s%n", percent, byKind.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms").toList());
        return percent;
    }

    private static Map<Long, Long> threadCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long nanos = THREADS.getThreadCpuTime(id);
            if (nanos >= 0) {
                cpu.put(id, nanos);
            }
        }
        return cpu;
    }
}
