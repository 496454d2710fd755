package io.valkeystreams.cli.compare;

import io.valkeystreams.core.admin.Provisioner;
import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.HandlerRegistry;
import java.io.PrintWriter;
import java.time.Duration;
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
        ThreadCpu threads = ThreadCpu.start();
        long cpu = CpuClock.processNanos();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        double percent = 100.0 * (CpuClock.processNanos() - cpu) / (System.nanoTime() - start);
        progress.printf("idle: %.2f %% of a core; busiest threads: %s%n", percent, threads.busiest(5));
        return percent;
    }
}
