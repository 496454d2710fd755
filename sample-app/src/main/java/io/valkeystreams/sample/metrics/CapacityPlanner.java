package io.valkeystreams.sample.metrics;

import io.valkeystreams.core.catalog.PlatformStreams;
import io.valkeystreams.core.consume.Delivery;
import io.valkeystreams.core.events.PlatformMetricEvent;
import io.valkeystreams.core.wire.Envelope;
import io.valkeystreams.core.wire.EventCodec;
import io.valkeystreams.sample.state.Effects;
import io.valkeystreams.sample.state.EventTime;
import io.valkeystreams.sample.state.GroupState;
import io.valkeystreams.sample.state.Snapshots;
import io.valkeystreams.sample.state.StateSpace;
import io.valkeystreams.sample.state.StateStore;
import io.valkeystreams.spring.StreamHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code capacity_planner}: the hourly peak of every {@code <service>/<metric>} ({@code <service>/<metric>/<UTC
 * hour>}), what capacity has to cover. Takes the raw {@link Envelope} to read the event's {@code timestamp}.
 */
@Component
public class CapacityPlanner implements GroupState {

    static final String GROUP = "capacity_planner";
    private static final StateSpace SPACE = StateSpace.group(GROUP);

    private final StateStore store;
    private final EventCodec codec;

    /** Creates the handler. */
    public CapacityPlanner(StateStore store, EventCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** Raises the hour's peak when the sample exceeds it. */
    @StreamHandler(stream = PlatformStreams.ANALYTICS_PLATFORM_METRICS, group = GROUP)
    public void apply(Envelope envelope, Delivery delivery) {
        PlatformMetricEvent event = codec.decode(envelope.fields(), PlatformMetricEvent.class);
        store.applyOnce(delivery, Effects.in(SPACE).hmax("hourly_peak",
                event.service() + "/" + event.metricName() + "/" + EventTime.hour(envelope, delivery), event.value()));
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Map<String, Object> snapshot(String userId) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("hourly_peak", Snapshots.numbers(store.hash(SPACE, "hourly_peak")));
        view.put("stats", store.stats(SPACE));
        return view;
    }
}
