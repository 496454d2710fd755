package io.valkeystreams.cli;

import io.valkeystreams.core.admin.StatusReader;
import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.connection.StreamsConnection;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo-load}: drives the sample app's REST endpoints and shows progress on one line. */
@Command(name = "demo-load", mixinStandardHelpOptions = true,
        description = "Drive a demo load against the sample app's REST endpoints (all seven streams) at a steady "
                + "rate, show one live progress line (published, processed per group, lag, publish p99), then check "
                + "every user's reputation score against the sum of what was published.",
        footer = {"", "Examples:", "  valkey-streams demo-load --app http://localhost:8080 --duration 20s --rate 200"})
final class DemoLoadCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--app", defaultValue = "http://localhost:8080", description = "Sample app base URL (default ${DEFAULT-VALUE}).")
    URI app;

    @Option(names = "--duration", defaultValue = "20s", converter = DurationConverter.class,
            description = "How long to publish (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--rate", defaultValue = "200", description = "Requests per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--users", defaultValue = "50", description = "Distinct users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--max-in-flight", defaultValue = "64",
            description = "Requests in flight at once (default ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Option(names = "--drain-timeout", defaultValue = "60s", converter = DurationConverter.class,
            description = "How long to wait for every group to catch up (default ${DEFAULT-VALUE}).")
    Duration drainTimeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (rate < 1 || users < 1 || maxInFlight < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--rate, --users and --max-in-flight must be >= 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        DemoTraffic traffic = new DemoTraffic(users);
        Load load = new Load(http, maxInFlight);
        try (StreamsConnection streams = connection.connect()) {
            StatusReader reader = new StatusReader(streams);
            long started = System.nanoTime();
            long intervalNanos = 1_000_000_000L / rate;
            long nextProgress = started;
            for (long sent = 0; System.nanoTime() - started < duration.toNanos(); sent++) {
                long intended = started + sent * intervalNanos;
                waitUntil(intended);
                load.send(traffic, traffic.next(), app, intended);
                if (System.nanoTime() >= nextProgress) {
                    progress(out, traffic, load, reader.read(connection.catalog()));
                    nextProgress = System.nanoTime() + 1_000_000_000L;
                }
            }
            load.awaitAll();
            double seconds = (System.nanoTime() - started) / 1e9;
            long drainDeadline = System.nanoTime() + drainTimeout.toNanos();
            List<StreamStatus> status = reader.read(connection.catalog());
            while (backlog(status) > 0 && System.nanoTime() < drainDeadline) {
                progress(out, traffic, load, status);
                waitUntil(System.nanoTime() + 250_000_000L);
                status = reader.read(connection.catalog());
            }
            progress(out, traffic, load, status);
            out.println();
            int exact = traffic.verifyScores(http, app);
            if (load.firstError() != null) {
                out.println("first refused or failed request: " + load.firstError());
            }
            out.printf("published %,d events in %.0f s (%,.0f/s; %,d refused or failed); every group caught up: %s; "
                            + "reputation exact for %d of %d users%n",
                    traffic.acceptedCount(), seconds, traffic.acceptedCount() / seconds, load.failed(),
                    backlog(status) == 0 ? "yes" : "NO (backlog " + backlog(status) + ")", exact, traffic.userCount());
            return backlog(status) == 0 && exact == traffic.userCount() && load.failed() == 0
                    ? 0 : ValkeyStreamsCli.EXIT_FAILURE;
        }
    }

    /**
     * Requests in flight, at most {@code maxInFlight} at once, so the schedule is kept even when one request is
     * slow; latency counts from the request's scheduled time, so falling behind shows in the p99.
     */
    private static final class Load {

        private final HttpClient http;
        private final Semaphore inFlight;
        private final int maxInFlight;
        private final Histogram latency = new Histogram(Duration.ofSeconds(30).toNanos(), 3);
        private final AtomicLong failed = new AtomicLong();
        private final AtomicReference<String> firstError = new AtomicReference<>();

        Load(HttpClient http, int maxInFlight) {
            this.http = http;
            this.maxInFlight = maxInFlight;
            this.inFlight = new Semaphore(maxInFlight);
        }

        void send(DemoTraffic traffic, DemoTraffic.Request request, URI app, long intended) throws InterruptedException {
            inFlight.acquire();
            http.sendAsync(HttpRequest.newBuilder(app.resolve(request.path())).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(request.json())).build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                        record(System.nanoTime() - intended);
                        if (error == null && response.statusCode() == 202) {
                            traffic.accepted(request);
                        } else {
                            failed.incrementAndGet();
                            firstError.compareAndSet(null, error != null ? error.toString()
                                    : request.path() + " answered " + response.statusCode() + " " + response.body());
                        }
                        inFlight.release();
                    });
        }

        void awaitAll() throws InterruptedException {
            inFlight.acquire(maxInFlight);
            inFlight.release(maxInFlight);
        }

        private synchronized void record(long nanos) {
            latency.recordValue(Math.min(nanos, latency.getHighestTrackableValue()));
        }

        synchronized double p99Millis() {
            return latency.getValueAtPercentile(99) / 1e6;
        }

        long failed() {
            return failed.get();
        }

        String firstError() {
            return firstError.get();
        }
    }

    private static void progress(PrintWriter out, DemoTraffic traffic, Load load, List<StreamStatus> status) {
        double maxLag = 0;
        long backlog = backlog(status);
        int groups = 0;
        for (StreamStatus stream : status) {
            for (StreamStatus.PartitionStatus partition : stream.partitions()) {
                for (StreamStatus.GroupStatus group : partition.groups()) {
                    maxLag = Math.max(maxLag, group.lagSeconds());
                    groups++;
                }
            }
        }
        out.printf("\rpublished %,7d  refused %,d  not yet processed %,6d  max lag %5.1f s  publish p99 %6.2f ms  (%d group partitions)   ",
                traffic.acceptedCount(), load.failed(), backlog, maxLag, load.p99Millis(), groups);
        out.flush();
    }

    private static long backlog(List<StreamStatus> status) {
        long backlog = 0;
        for (StreamStatus stream : status) {
            for (StreamStatus.PartitionStatus partition : stream.partitions()) {
                for (StreamStatus.GroupStatus group : partition.groups()) {
                    backlog += Math.max(0, group.lagEntries()) + group.pending();
                }
            }
        }
        return backlog;
    }

    private static void waitUntil(long nanoTime) {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(remaining);
        }
    }
}
