package io.valkeystreams.spring.actuate;

import io.valkeystreams.core.admin.StreamStatus;
import io.valkeystreams.core.connection.StreamsConnection;
import io.valkeystreams.core.metrics.LagMonitor;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of the event backbone: DOWN when Valkey does not answer {@code PING}; {@link #DEGRADED}
 * when a group lags past its threshold, entries were trimmed before a group read them, or a
 * consumer container stopped. Lag comes from the {@link LagMonitor} snapshot, so a health check
 * costs one {@code PING}.
 */
public final class StreamsHealthIndicator extends AbstractHealthIndicator {

    /** Reachable, but some group lags, lost entries to trimming, or has a stopped container. */
    public static final Status DEGRADED = new Status("DEGRADED", "a consumer group lags, lost entries or stopped");

    private static final Duration PING_TIMEOUT = Duration.ofSeconds(2);

    private final StreamsConnection connection;
    private final LagMonitor monitor;
    private final LagThresholds thresholds;
    private final Supplier<Map<String, String>> stoppedContainers;

    /**
     * Creates the indicator.
     *
     * @param stoppedContainers the containers that should run but do not, by name, with the reason
     */
    public StreamsHealthIndicator(StreamsConnection connection, LagMonitor monitor, LagThresholds thresholds,
                                  Supplier<Map<String, String>> stoppedContainers) {
        super("valkey-streams health check failed");
        this.connection = connection;
        this.monitor = monitor;
        this.thresholds = thresholds;
        this.stoppedContainers = stoppedContainers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        connection.async().ping().get(PING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        LagMonitor.Snapshot snapshot = monitor.snapshot();
        Map<String, String> lagging = new TreeMap<>();
        Map<String, Long> trimmedUnread = new TreeMap<>();
        for (StreamStatus stream : snapshot.streams()) {
            for (StreamStatus.PartitionStatus partition : stream.partitions()) {
                for (StreamStatus.GroupStatus group : partition.groups()) {
                    Duration threshold = thresholds.thresholdOf(stream.stream(), group.group());
                    if (group.lagSeconds() * 1000 > threshold.toMillis()) {
                        lagging.put(partition.key() + "/" + group.group(),
                                String.format("%.1fs (threshold %ds)", group.lagSeconds(), threshold.toSeconds()));
                    }
                    if (group.trimmedUnread() > 0) {
                        trimmedUnread.put(partition.key() + "/" + group.group(), group.trimmedUnread());
                    }
                }
            }
        }
        Map<String, String> stopped = stoppedContainers.get();
        builder.status(lagging.isEmpty() && trimmedUnread.isEmpty() && stopped.isEmpty() ? Status.UP : DEGRADED);
        builder.withDetail("streams", snapshot.streams().size());
        if (snapshot.collectedAt() != null) {
            builder.withDetail("lagCollectedAt", snapshot.collectedAt().toString());
        }
        if (snapshot.lastError() != null) {
            builder.withDetail("lagCollectionError", snapshot.lastError());
        }
        if (!lagging.isEmpty()) {
            builder.withDetail("lagging", lagging);
        }
        if (!trimmedUnread.isEmpty()) {
            builder.withDetail("trimmedBeforeRead", trimmedUnread);
        }
        if (!stopped.isEmpty()) {
            builder.withDetail("stoppedContainers", stopped);
        }
    }
}
