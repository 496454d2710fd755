package io.valkeystreams.reliability;

import io.valkeystreams.core.catalog.StreamCatalog;
import io.valkeystreams.core.catalog.StreamDefinition;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.consume.ConsumerContainer;
import io.valkeystreams.core.consume.ConsumerOptions;
import io.valkeystreams.core.consume.HandlerRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A consumer in a JVM of its own, for faults that need a process boundary (a SIGKILL) or a small heap
 * (a backlog drain). It runs one container per group and appends each successful handler call to a
 * record file as {@code <group> <seq> <deliveryCount> <epochMillis> <consumer> .}; with {@code flush=each}
 * every line is written to the OS before the handler returns, so a SIGKILL loses none. Optionally it
 * samples the heap after a full GC. It prints {@code CHILD READY} once its containers run, and stops
 * gracefully on a {@code stop} line (or end of input), printing {@code CHILD STOPPED}.
 *
 * <p>Arguments, as {@code key=value}: {@code url}, {@code stream}, {@code groups} (comma-separated),
 * {@code records}, and optionally {@code partitions} (for a stream outside the platform catalog),
 * {@code flush} ({@code each} or {@code end}), {@code delayMillis} (work per event), {@code batchSize},
 * {@code takeoverMillis}, {@code heapSamples} (file) and {@code sampleMillis}.
 */
public final class ConsumerProcess {

    static final String READY = "CHILD READY";
    static final String STOPPED = "CHILD STOPPED";

    private ConsumerProcess() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        StreamDefinition stream = definition(options);
        boolean flushEach = "each".equals(options.getOrDefault("flush", "each"));
        long delayMillis = Long.parseLong(options.getOrDefault("delayMillis", "0"));
        AtomicLong handled = new AtomicLong();
        StreamsConnection connection = StreamsConnection.connect(options.get("url"));
        List<ConsumerContainer> containers = new ArrayList<>();
        ScheduledExecutorService sampler = null;
        try (Writer records = Files.newBufferedWriter(Path.of(options.get("records")), StandardCharsets.UTF_8)) {
            ConsumerOptions consumerOptions = ProbeConsumers.quick()
                    .batchSize(Integer.parseInt(options.getOrDefault("batchSize", "100")))
                    .takeoverAfter(Duration.ofMillis(Long.parseLong(options.getOrDefault("takeoverMillis", "1000"))))
                    .build();
            for (String group : options.get("groups").split(",")) {
                ConsumerContainer container = ConsumerContainer.builder(connection, stream, group)
                        .options(consumerOptions)
                        .handlers(HandlerRegistry.builder().on(Probe.TYPE, Probe.class, (probe, delivery) -> {
                            if (delayMillis > 0) {
                                Thread.sleep(delayMillis);
                            }
                            String line = group + " " + probe.probeSeq() + " " + delivery.deliveryCount() + " "
                                    + System.currentTimeMillis() + " " + ManagementFactory.getRuntimeMXBean().getPid()
                                    + " .\n";
                            synchronized (records) {
                                records.write(line);
                                if (flushEach) {
                                    records.flush();
                                }
                            }
                            handled.incrementAndGet();
                        }).build())
                        .build();
                containers.add(container);
            }
            if (options.containsKey("heapSamples")) {
                sampler = sampleHeap(Path.of(options.get("heapSamples")),
                        Long.parseLong(options.getOrDefault("sampleMillis", "1000")), handled);
            }
            containers.forEach(ConsumerContainer::start);
            System.out.println(READY + " " + containers.get(0).consumerName());
            System.out.flush();
            BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            do {
                line = input.readLine();
            } while (line != null && !line.equals("stop"));
            containers.forEach(ConsumerContainer::stop);
            if (sampler != null) {
                sampler.shutdownNow();
            }
        } finally {
            connection.close();
        }
        System.out.println(STOPPED + " " + handled.get());
        System.out.flush();
    }

    private static StreamDefinition definition(Map<String, String> options) {
        String name = options.get("stream");
        StreamCatalog platform = StreamCatalog.platform();
        if (platform.find(name).isPresent()) {
            return platform.require(name);
        }
        return StreamDefinition.builder(name)
                .partitions(Integer.parseInt(options.getOrDefault("partitions", "1")))
                .maxLength(Long.parseLong(options.getOrDefault("maxLength", "10000000")))
                .groups(options.get("groups").split(","))
                .build();
    }

    /** Every {@code every} ms: a full GC, then {@code <epochMillis> <heapUsedBytes> <handledSoFar>} to the file. */
    private static ScheduledExecutorService sampleHeap(Path file, long every, AtomicLong handled) {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            try {
                Files.writeString(file, System.currentTimeMillis() + " " + used + " " + handled.get() + "\n",
                        StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, 0, every, TimeUnit.MILLISECONDS);
        return sampler;
    }
}
