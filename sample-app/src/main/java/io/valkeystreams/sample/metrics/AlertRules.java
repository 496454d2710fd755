package io.valkeystreams.sample.metrics;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Alert thresholds of alert_manager, by metric name ({@code sample.alerts.thresholds.<metric>=<value>}): a sample
 * above its metric's threshold raises an alert. Metrics without a threshold never alert.
 *
 * @param thresholds the thresholds, by metric name
 */
@ConfigurationProperties("sample.alerts")
public record AlertRules(Map<String, Double> thresholds) {

    /** Copies the map; none means no alerts. */
    public AlertRules {
        thresholds = thresholds == null ? Map.of() : new TreeMap<>(thresholds);
    }

    /** The threshold of a metric, or null. */
    Double thresholdOf(String metric) {
        return thresholds.get(metric);
    }
}
