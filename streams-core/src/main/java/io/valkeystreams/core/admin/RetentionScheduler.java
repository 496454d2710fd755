package io.valkeystreams.core.admin;

import io.valkeystreams.core.catalog.StreamCatalog;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs approximate retention trimming on a fixed delay in a named daemon thread. Any number of
 * instances may run it at once: trimming by a time cut-off is idempotent. A failed run is logged
 * (once per outage, not once per run) and retried at the next interval.
 */
public final class RetentionScheduler implements AutoCloseable {

    /** Default delay between runs. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);

    private final RetentionTrimmer trimmer;
    private final StreamCatalog catalog;
    private final Duration interval;
    private final Consumer<TrimReport> onReport;
    private final ScheduledExecutorService executor;
    private boolean failing;

    /**
     * Starts trimming {@code catalog} every {@code interval}, the first run after one interval.
     *
     * @param onReport called with each run's report (for metrics); may be a no-op
     */
    public RetentionScheduler(RetentionTrimmer trimmer, StreamCatalog catalog, Duration interval,
                              Consumer<TrimReport> onReport) {
        this.trimmer = Objects.requireNonNull(trimmer, "trimmer");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("retention interval must be positive, was " + interval);
        }
        this.interval = interval;
        this.onReport = Objects.requireNonNull(onReport, "onReport");
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "valkey-streams-retention");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The delay between runs. */
    public Duration interval() {
        return interval;
    }

    void runOnce() {
        try {
            TrimReport report = trimmer.trim(catalog, TrimMode.APPROXIMATE);
            if (failing) {
                log.info("retention trimming works again");
                failing = false;
            }
            if (report.totalRemoved() > 0) {
                log.info("retention removed {} entries in {} ms", report.totalRemoved(), report.elapsed().toMillis());
            }
            onReport.accept(report);
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("retention trimming failed; retrying every {}: {}", interval, e.getMessage());
                failing = true;
            }
        }
    }

    /** Stops the schedule; a run in progress finishes. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
