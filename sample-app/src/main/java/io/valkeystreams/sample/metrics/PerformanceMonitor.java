package io.valkeystreams.sample.metrics;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.PlatformMetricEvent;
import io.valkeystreams.sample.state.Effects;
import io.valkeystreams.sample.state.GroupState;
import io.valkeystreams.sample.state.Snapshots;
import io.valkeystreams.sample.state.StateSpace;
import io.valkeystreams.sample.state.StateStore;
import io.valkeystreams.spring.StreamHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code performance_monitor}: per {@code <service>/<metric>}: samples seen, the last value and the maximum. */
@Component
public class PerformanceMonitor implements GroupState {

    static final String GROUP = "performance_monitor";
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;

    /** Creates the handler. */
    public PerformanceMonitor(StateStore store) {
        this.store = store;
    }

    /** Records the sample. */
    @StreamHandler(stream = PlatformStreams.ANALYTICS_PLATFORM_METRICS, group = GROUP)
    public void apply(PlatformMetricEvent event, Delivery delivery) {
        String series = event.service() + "/" + event.metricName();
        store.applyOnce(delivery, Effects.in(SPACE)
                .hincrBy("samples", series, 1)
                .hset("last", series, Double.toString(event.value()))
                .hmax("max", series, event.value()));
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("samples", Snapshots.counts(store.hash(SPACE, "samples")));
        view.put("last", Snapshots.numbers(store.hash(SPACE, "last")));
        view.put("max", Snapshots.numbers(store.hash(SPACE, "max")));
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
