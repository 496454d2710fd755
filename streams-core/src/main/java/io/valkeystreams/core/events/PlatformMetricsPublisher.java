package io.valkeystreams.core.events;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.publish.PublishResult;
import io.valkeystreams.core.publish.Publisher;
import java.util.Map;

/** Publishes {@link PlatformMetricEvent}s to {@code analytics.platform.metrics}, keyed by service. */
public final class PlatformMetricsPublisher extends TypedPublisher<PlatformMetricEvent> {

    /** Creates the publisher. */
    public PlatformMetricsPublisher(Publisher publisher) {
        super(publisher, PlatformStreams.ANALYTICS_PLATFORM_METRICS, PlatformMetricEvent::service);
    }

    /** Publishes one measurement. */
    public PublishResult publishMetric(String service, String metricName, double value, String unit,
                                       Map<String, String> tags) {
        return publish(new PlatformMetricEvent(service, metricName, value, unit, tags));
    }
}
