package io.valkeystreams.core.events;

import io.valkeystreams.core.wire.EventType;
import java.util.Map;

/**
 * A platform performance measurement, on {@code analytics.platform.metrics}, keyed by service;
 * its {@code event_type} is always {@code platform_metric}.
 *
 * @param service    the measured service (required)
 * @param metricName what was measured, such as {@code api_latency_ms} (required)
 * @param value      the measurement (finite)
 * @param unit       unit, such as {@code ms}, or null
 * @param tags       dimensions, written as JSON text (empty when null)
 */
@EventType(PlatformMetricEvent.EVENT_TYPE)
public record PlatformMetricEvent(String service, String metricName, double value, String unit,
                                  Map<String, String> tags) {

    /** The event type of every platform metric. */
    public static final String EVENT_TYPE = "platform_metric";

    /** Validates the fields. */
    public PlatformMetricEvent {
        Require.nonBlank("platform metric", "service", service);
        Require.nonBlank("platform metric", "metric_name", metricName);
        Require.finite("platform metric", "value", value);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
